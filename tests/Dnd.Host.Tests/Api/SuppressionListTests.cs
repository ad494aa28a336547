using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>Deleting a contact does not undo their opt-out: it comes back with their address.</summary>
public class SuppressionListTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task A_stopped_phone_stays_stopped_when_the_contact_is_deleted_and_created_again()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = (await account.CreateContactAsync(new { phone = "+15551400001" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15551400001", "STOP");
        await Http.EnsureAsync(await account.Client.DeleteAsync($"/contacts/{first}"), 200);

        var again = await account.CreateContactAsync(new { phone = "(555) 140-0001", dnd = false });

        var sms = again.GetProperty("dndSettings").GetProperty("SMS");
        sms.GetProperty("status").GetString().Should().Be("permanent");
        sms.GetProperty("code").GetString().Should().Be("keyword_opt_out");
        var id = again.GetProperty("id").GetString()!;
        (await account.LedgerAsync(id)).EnumerateArray().Select(e => e.GetProperty("rule").GetString()).Should().Contain("SuppressionListRestoresDnd");
        await Twilio.InboundAsync(_app, account, "+15551400001", "START");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive", "the contact may still opt back in");
    }

    [Fact]
    public async Task A_spam_lock_follows_the_email_through_upsert_and_address_changes()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = (await account.CreateContactAsync(new { email = "spam@example.com" })).GetProperty("id").GetString()!;
        await Mailgun.PostAsync(_app, account, "spam@example.com", "complained");
        await account.Client.DeleteAsync($"/contacts/{first}");
        var other = (await account.CreateContactAsync(new { email = "clean@example.com" })).GetProperty("id").GetString()!;

        var upserted = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { email = "SPAM@example.com" }));
        await account.Client.PutAsJsonAsync($"/contacts/{other}", new { email = "spam@example.com" });

        upserted.GetProperty("contact").GetProperty("dndSettings").GetProperty("Email").GetProperty("code").GetString().Should().Be("spam_complaint");
        (await account.DndStatusAsync(other, "Email")).Should().Be("permanent");
    }

    [Fact]
    public async Task Suppressions_belong_to_one_account_and_only_permanent_dnd_is_kept()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);
        var id = (await alice.CreateContactAsync(new { phone = "+15551400002", email = "busy@example.com", dndSettings = new { Email = new { status = "active" } } }))
            .GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, alice, "+15551400002", "STOP");
        await alice.Client.DeleteAsync($"/contacts/{id}");

        var atBob = await bob.CreateContactAsync(new { phone = "+15551400002" });
        var atAlice = await alice.CreateContactAsync(new { email = "busy@example.com" });

        atBob.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("inactive");
        atAlice.GetProperty("dndSettings").GetProperty("Email").GetProperty("status").GetString().Should().Be("inactive", "a user's active DND is not an opt-out");
    }

    [Fact]
    public async Task An_inbound_message_from_a_suppressed_phone_creates_a_contact_that_is_still_opted_out()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = (await account.CreateContactAsync(new { phone = "+15551400003" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15551400003", "STOP");
        await account.Client.DeleteAsync($"/contacts/{first}");

        await Twilio.InboundAsync(_app, account, "+15551400003", "what is this?");

        var found = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search",
            new { filters = new[] { new { field = "phone", @operator = "eq", value = "+15551400003" } } }));
        found.GetProperty("contacts")[0].GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
    }
}
