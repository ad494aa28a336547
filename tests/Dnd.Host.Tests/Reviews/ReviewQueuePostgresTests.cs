using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using static Dnd.Host.Tests.Reviews.ReviewFlow;

namespace Dnd.Host.Tests.Reviews;

/// <summary>The review queue on PostgreSQL, where consent's rows go through EF rather than SQLite's prepared statements.</summary>
[Collection(PostgresCollection.Name)]
public class ReviewQueuePostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Possible_opt_outs_hold_marketing_read_the_conversation_and_confirm_on_postgres()
    {
        await using var app = new DndApp(postgres: postgres.NewDatabase());
        var account = await TestAccount.CreateAsync(app);
        var (contact, held, review) = await PossibleOptOutAsync(app, account, "+15551660001");
        (await StatusOfAsync(account, contact, held)).Should().Be("held");
        (await StatusOfAsync(account, contact, await SendAsync(account, contact, "transactional"))).Should().Be("queued");

        var answered = (await account.CreateContactAsync(new { phone = "+15551660002" })).GetProperty("id").GetString()!;
        await account.CreateContactAsync(new { phone = "+15551660003" });
        await SendAsync(account, answered);
        await Twilio.InboundAsync(app, account, "+15551660002", "no");
        await Twilio.InboundAsync(app, account, "+15551660003", "no");

        (await ReviewsAsync(account)).Select(r => r.GetProperty("contactId").GetString()).Should().BeEquivalentTo(contact, answered);
        await ConfirmAndCheckAsync(app, account, contact, held, review);
    }
}
