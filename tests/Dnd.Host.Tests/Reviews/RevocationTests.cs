using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Crm.Reviews;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Reviews;

/// <summary>
/// A revocation by any reasonable means: staff record one that came by letter, call or e-mail, and it stops its
/// channels at once, with its 10-business-day clock counted from the day it was received.
/// </summary>
public class RevocationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task A_revocation_by_letter_stops_its_channels_and_the_ledger_shows_when_it_was_received_and_its_deadline()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { timeZone = "America/New_York" }), 200);
        var id = (await account.CreateContactAsync(new { phone = "+15551610001", email = "letter@example.com" })).GetProperty("id").GetString()!;
        var received = DateTimeOffset.UtcNow.AddDays(-3);

        var response = await account.Client.PostAsJsonAsync($"/contacts/{id}/revocations",
            new { method = "letter", channels = new[] { "SMS", "Email" }, receivedAt = received, note = "Letter dated the 20th: stop contacting me" });

        var answer = await Http.JsonAsync(response);
        var review = answer.GetProperty("review");
        review.GetProperty("status").GetString().Should().Be("confirmed");
        review.GetProperty("deadline").GetDateTimeOffset().Should().Be(BusinessDays.Deadline(received, NewYork));
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent");
        (await account.DndStatusAsync(id, "Call")).Should().Be("inactive", "the letter named SMS and Email only");
        var lines = answer.GetProperty("ledger").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("channel").GetString()).Should().BeEquivalentTo("SMS", "Email");
        lines.Should().OnlyContain(l => l.GetProperty("rule").GetString() == "RevocationIsHonoured" &&
                                        l.GetProperty("event").GetString()!.Contains($"received {received.UtcDateTime:yyyy-MM-dd}") &&
                                        l.GetProperty("event").GetString()!.Contains("deadline") &&
                                        l.GetProperty("actedBy").GetString()!.Contains(TestAccount.KeyName));
        var contact = await account.GetContactAsync(id);
        contact.GetProperty("dndSettings").GetProperty("SMS").GetProperty("message").GetString().Should().Contain("Revoked by letter, received");
        var report = await Http.JsonAsync(await account.Client.GetAsync("/locations/opt-out-reviews/report"));
        report.GetProperty("recordedElsewhere").GetInt32().Should().Be(1);
        report.GetProperty("confirmed").GetInt32().Should().Be(1);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = id, message = "Sale" }), 422);
    }

    [Fact]
    public async Task The_contacts_own_start_lifts_a_recorded_revocation_as_any_opt_out_of_theirs()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551610002" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync($"/contacts/{id}/revocations",
            new { method = "call", channels = new[] { "all" }, receivedAt = DateTimeOffset.UtcNow }), 200);
        (await account.DndStatusAsync(id, "GMB")).Should().Be("permanent", "\"all\" covers every channel");

        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dndSettings = new { SMS = new { status = "inactive" } } }), 422);
        await Twilio.InboundAsync(_app, account, "+15551610002", "START");

        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent", "START on SMS is about SMS");
    }

    [Fact]
    public async Task Bad_revocations_are_problems_naming_the_field_and_change_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551610003" })).GetProperty("id").GetString()!;
        var ledger = (await account.LedgerAsync(id)).GetArrayLength();

        async Task<string> FieldsAsync(object body) => string.Join(",", (await Http.ProblemAsync(
            await account.Client.PostAsJsonAsync($"/contacts/{id}/revocations", body), 422)).GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Order());

        (await FieldsAsync(new { method = "pigeon", channels = new[] { "SMS" }, receivedAt = DateTimeOffset.UtcNow })).Should().Be("method");
        (await FieldsAsync(new { method = "call", channels = new[] { "SMS", "Fax" }, receivedAt = DateTimeOffset.UtcNow })).Should().Be("channels[1]");
        (await FieldsAsync(new { method = "call", channels = Array.Empty<string>(), receivedAt = DateTimeOffset.UtcNow })).Should().Be("channels");
        (await FieldsAsync(new { method = "call", channels = new[] { "SMS" } })).Should().Be("receivedAt");
        (await FieldsAsync(new { method = "call", channels = new[] { "SMS" }, receivedAt = DateTimeOffset.UtcNow.AddDays(2) })).Should().Be("receivedAt");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/nobody/revocations",
            new { method = "call", channels = new[] { "SMS" }, receivedAt = DateTimeOffset.UtcNow }), 404);

        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(ledger);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
    }

    [Fact]
    public async Task The_accounts_revocation_scope_carries_a_text_opt_out_to_the_channels_it_names()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { revocationScope = new[] { "Call", "WhatsApp" } }), 200);
        var id = (await account.CreateContactAsync(new { phone = "+15551610004", email = "scope@example.com" })).GetProperty("id").GetString()!;

        await Twilio.InboundAsync(_app, account, "+15551610004", "STOP");

        foreach (var channel in new[] { "SMS", "Call", "WhatsApp" })
        {
            (await account.DndStatusAsync(id, channel)).Should().Be("permanent", channel);
        }
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        var settings = await Http.JsonAsync(await account.Client.GetAsync("/locations/dnd-settings/"));
        settings.GetProperty("revocationScope").EnumerateArray().Select(c => c.GetString()).Should().Equal("Call", "WhatsApp");
    }

    [Fact]
    public async Task An_unknown_time_zone_or_channel_in_the_settings_is_refused()
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/",
            new { timeZone = "Mars/Olympus_Mons", revocationScope = new[] { "Pager" } }), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().BeEquivalentTo("timeZone", "revocationScope");
        var settings = await Http.JsonAsync(await account.Client.GetAsync("/locations/dnd-settings/"));
        settings.GetProperty("timeZone").GetString().Should().Be("UTC");
    }
}
