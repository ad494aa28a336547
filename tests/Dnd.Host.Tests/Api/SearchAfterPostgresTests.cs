using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using Dnd.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Api;

/// <summary>
/// The cursor on PostgreSQL, which keeps dateAdded to the microsecond (SQLite to 100 µs) and compares ids in the
/// database's collation: the sort value a contact gives must find exactly that contact again.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SearchAfterPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task SearchAfter_walks_every_contact_once_on_postgres_ties_included()
    {
        await using var app = new DndApp(postgres: postgres.NewDatabase());
        var account = await TestAccount.CreateAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await account.CreateContactAsync(new { email = $"pg{i}@example.com" })).GetProperty("id").GetString()!);
        }
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var instant = DateTimeOffset.UtcNow;
            for (var i = 0; i < 6; i++)
            {
                var contact = ContactRecord.Create(account.Id, instant, "import");
                contact.Email = $"pg-same{i}@example.com";
                db.Contacts.Add(contact);
                ids.Add(contact.Id);
            }
            await db.SaveChangesAsync();
        }

        var (walked, _) = await SearchAfterTests.WalkAsync(account, [], from: null, pageLimit: 4);

        walked.Select(c => c.Id).Should().BeEquivalentTo(ids);
        SearchAfterTests.ShouldBeInSearchOrderOnce(walked);
    }
}
