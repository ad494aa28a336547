using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

public class MailgunWebhookTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private async Task<(TestAccount Account, string Id, string Email)> ContactAsync(TestAccount? account = null)
    {
        account ??= await TestAccount.CreateAsync(_app);
        var email = $"m{Guid.NewGuid():N}@example.com";
        var id = (await account.CreateContactAsync(new { email, phone = "+15550400001" })).GetProperty("id").GetString()!;
        return (account, id, email);
    }

    [Theory]
    [InlineData("failed", "permanent", "bounce", "active")]
    [InlineData("failed", "permanent", "generic", "active")]
    [InlineData("failed", "permanent", "suppress-bounce", "active")]
    [InlineData("failed", "permanent", "suppress-unsubscribe", "active")]
    [InlineData("failed", "permanent", "suppress-complaint", "permanent")]
    [InlineData("failed", "temporary", "generic", "inactive")]
    [InlineData("unsubscribed", null, null, "active")]
    [InlineData("complained", null, null, "permanent")]
    public async Task Events_set_email_dnd(string evt, string? severity, string? reason, string expected)
    {
        var (account, id, email) = await ContactAsync();

        await Http.EnsureAsync(await Mailgun.PostAsync(_app, account, email.ToUpperInvariant(), evt, severity, reason), 200);

        (await account.DndStatusAsync(id, "Email")).Should().Be(expected);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
    }

    [Fact]
    public async Task A_complaint_is_a_spam_lock_no_api_call_lifts()
    {
        var (account, id, email) = await ContactAsync();
        await Mailgun.PostAsync(_app, account, email, "complained");

        await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = false });
        await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dndSettings = new { Email = new { status = "inactive" } } });

        var email_ = (await account.GetContactAsync(id)).GetProperty("dndSettings").GetProperty("Email");
        email_.GetProperty("status").GetString().Should().Be("permanent");
        email_.GetProperty("code").GetString().Should().Be("spam_complaint");
    }

    [Fact]
    public async Task Unsubscribe_covers_every_channel_when_the_account_says_so()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { unsubscribeScope = "AllChannels" }), 200);
        var (_, id, email) = await ContactAsync(account);

        await Mailgun.PostAsync(_app, account, email, "unsubscribed");

        (await account.GetContactAsync(id)).GetProperty("dnd").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Bad_signatures_duplicates_and_replayed_tokens_change_nothing()
    {
        var (account, id, email) = await ContactAsync();

        await Http.ProblemAsync(await Mailgun.PostAsync(_app, account, email, "complained", key: "wrong-key"), 403);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");

        await Http.EnsureAsync(await Mailgun.PostAsync(_app, account, email, "failed", "permanent", "bounce", eventId: "ev1", token: "tok1"), 200);
        var ledger = (await account.LedgerAsync(id)).GetArrayLength();
        var duplicate = await Mailgun.PostAsync(_app, account, email, "failed", "permanent", "bounce", eventId: "ev1", token: "tok2");
        var replay = await Mailgun.PostAsync(_app, account, email, "complained", eventId: "ev-new", token: "tok1");

        (await Http.JsonAsync(duplicate)).GetProperty("duplicate").GetBoolean().Should().BeTrue();
        (await Http.ProblemAsync(replay, 406)).GetProperty("detail").GetString().Should().Contain("different body");
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(ledger);
        (await account.DndStatusAsync(id, "Email")).Should().Be("active", "the replayed complaint was refused");
    }

    [Fact]
    public async Task A_signature_outside_the_window_is_refused_and_an_identical_retry_is_a_duplicate()
    {
        var (account, id, email) = await ContactAsync();
        var old = await Mailgun.PostAsync(_app, account, email, "complained", signedAt: DateTimeOffset.UtcNow.AddMinutes(-16));
        var future = await Mailgun.PostAsync(_app, account, email, "complained", signedAt: DateTimeOffset.UtcNow.AddMinutes(16));

        (await Http.ProblemAsync(old, 406)).GetProperty("detail").GetString().Should().Contain("timestamp");
        await Http.ProblemAsync(future, 406);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive", "a stale signature changes nothing");

        var signedAt = DateTimeOffset.UtcNow.AddMinutes(-14);
        var first = await Mailgun.PostAsync(_app, account, email, "unsubscribed", eventId: "ev-w", token: "tok-w", signedAt: signedAt);
        var retry = await Mailgun.PostAsync(_app, account, email, "unsubscribed", eventId: "ev-w", token: "tok-w", signedAt: signedAt);

        await Http.EnsureAsync(first, 200);
        (await Http.JsonAsync(retry)).GetProperty("duplicate").GetBoolean().Should().BeTrue();
        (await account.DndStatusAsync(id, "Email")).Should().Be("active", "an unsubscribe is DND a user may lift, saying why");
    }

    [Fact]
    public async Task Malformed_payloads_get_problem_details()
    {
        var account = await TestAccount.CreateAsync(_app);
        var client = _app.CreateClient();

        await Http.ProblemAsync(await client.PostAsync($"/webhooks/mailgun/{account.Id}",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), 400);
        await Http.ProblemAsync(await client.PostAsJsonAsync($"/webhooks/mailgun/{account.Id}", new { signature = new { } }), 403);
    }
}
