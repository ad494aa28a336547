using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>DND follows the address: every contact with an opted-out phone or email shows it, from birth, after deletes.</summary>
public class AddressConsentTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static string Id(JsonElement contact) => contact.GetProperty("id").GetString()!;

    private static string Status(JsonElement contact, string channel) =>
        contact.GetProperty("dndSettings").GetProperty(channel).GetProperty("status").GetString()!;

    private static Task AllowDuplicatesAsync(TestAccount account) =>
        account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { allowDuplicateContact = true });

    [Fact]
    public async Task A_stopped_phone_stays_stopped_when_the_contact_is_deleted_and_created_again()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = Id(await account.CreateContactAsync(new { phone = "+15551400001" }));
        await Twilio.InboundAsync(_app, account, "+15551400001", "STOP");
        await Http.EnsureAsync(await account.Client.DeleteAsync($"/contacts/{first}"), 200);

        var again = await account.CreateContactAsync(new { phone = "(555) 140-0001", dnd = false });

        var sms = again.GetProperty("dndSettings").GetProperty("SMS");
        sms.GetProperty("status").GetString().Should().Be("permanent");
        sms.GetProperty("code").GetString().Should().Be("keyword_opt_out");
        var id = Id(again);
        (await account.LedgerAsync(id)).EnumerateArray().Select(e => e.GetProperty("rule").GetString()).Should().Contain("AddressConsentApplies");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = id, message = "hi" }), 422);
        await Twilio.InboundAsync(_app, account, "+15551400001", "START");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive", "the contact may still opt back in");
    }

    [Fact]
    public async Task A_duplicate_contact_is_refused_with_the_existing_contact_id()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = Id(await account.CreateContactAsync(new { phone = "+15551400010", email = "dup@example.com" }));

        var byPhone = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/", new { phone = "555-140-0010" }), 400);
        var byEmail = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/", new { email = " DUP@example.com " }), 400);
        var other = Id(await account.CreateContactAsync(new { phone = "+15551400011" }));
        var update = await Http.ProblemAsync(await account.Client.PutAsJsonAsync($"/contacts/{other}", new { email = "dup@example.com" }), 400);

        foreach (var (problem, field) in new[] { (byPhone, "phone"), (byEmail, "email"), (update, "email") })
        {
            problem.GetProperty("meta").GetProperty("contactId").GetString().Should().Be(first);
            problem.GetProperty("meta").GetProperty("matchingField").GetString().Should().Be(field);
            problem.GetProperty("message").GetString().Should().Be("This location does not allow duplicated contacts.");
        }
        (await account.GetContactAsync(other)).TryGetProperty("email", out _).Should().BeFalse("a refused update changes nothing");
    }

    [Fact]
    public async Task A_duplicate_of_an_opted_out_phone_is_opted_out_from_birth_and_opt_outs_reach_every_duplicate()
    {
        var account = await TestAccount.CreateAsync(_app);
        await AllowDuplicatesAsync(account);
        var original = Id(await account.CreateContactAsync(new { phone = "+15551400020", email = "twin@example.com" }));
        await Twilio.InboundAsync(_app, account, "+15551400020", "STOP");

        var twin = await account.CreateContactAsync(new { phone = "5551400020", email = "twin@example.com" });
        await Mailgun.PostAsync(_app, account, "twin@example.com", "complained");

        Status(twin, "SMS").Should().Be("permanent");
        Status(twin, "WhatsApp").Should().Be("inactive", "STOP by SMS opts out of SMS only");
        (await account.DndStatusAsync(Id(twin), "Email")).Should().Be("permanent");
        (await account.DndStatusAsync(original, "Email")).Should().Be("permanent");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = Id(twin), message = "hi" }), 422);
        var lines = (await account.LedgerAsync(Id(twin))).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        lines.Should().Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), "each contact's ledger is gap-free");
    }

    [Fact]
    public async Task Lifting_the_address_lifts_it_for_every_contact_that_has_it()
    {
        var account = await TestAccount.CreateAsync(_app);
        await AllowDuplicatesAsync(account);
        var one = Id(await account.CreateContactAsync(new { email = "shared@example.com", dndSettings = new { Email = new { status = "active" } } }));
        var two = await account.CreateContactAsync(new { email = "shared@example.com" });
        Status(two, "Email").Should().Be("active");

        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{one}", new { dndSettings = new { Email = new { status = "inactive" } } }), 200);

        (await account.DndStatusAsync(Id(two), "Email")).Should().Be("inactive");
        (await account.LedgerAsync(Id(two))).EnumerateArray().Last().GetProperty("rule").GetString().Should().Be("AddressConsentShared");
    }

    [Fact]
    public async Task A_complaint_about_an_address_with_no_contact_locks_the_contact_created_for_it_later()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await Mailgun.PostAsync(_app, account, "Nobody@Example.com", "complained"), 200);
        await Http.EnsureAsync(await Twilio.StatusAsync(_app, account, "+15551400030", "undelivered", "21610"), 200);

        var later = await account.CreateContactAsync(new { email = "nobody@example.com", phone = "+15551400030" });

        later.GetProperty("dndSettings").GetProperty("Email").GetProperty("code").GetString().Should().Be("spam_complaint");
        Status(later, "SMS").Should().Be("permanent");
        var address = await Http.JsonAsync(await account.Client.GetAsync("/consent/addresses/nobody@example.com"));
        address.GetProperty("channels").GetProperty("Email").GetProperty("status").GetString().Should().Be("permanent");
        address.GetProperty("ledger").EnumerateArray().Should().Contain(e => e.GetProperty("rule").GetString() == "MailgunComplained");
    }

    [Fact]
    public async Task A_spam_lock_follows_the_email_through_upsert_and_address_changes()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = Id(await account.CreateContactAsync(new { email = "spam@example.com" }));
        await Mailgun.PostAsync(_app, account, "spam@example.com", "complained");
        await account.Client.DeleteAsync($"/contacts/{first}");
        var other = Id(await account.CreateContactAsync(new { email = "clean@example.com" }));

        var upserted = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { email = "SPAM@example.com" }));
        await account.Client.DeleteAsync($"/contacts/{upserted.GetProperty("contact").GetProperty("id").GetString()}");
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{other}", new { email = "spam@example.com" }), 200);

        upserted.GetProperty("contact").GetProperty("dndSettings").GetProperty("Email").GetProperty("code").GetString().Should().Be("spam_complaint");
        (await account.DndStatusAsync(other, "Email")).Should().Be("permanent");
        await account.Client.PutAsJsonAsync($"/contacts/{other}", new { dndSettings = new { Email = new { status = "inactive" } } });
        (await account.DndStatusAsync(other, "Email")).Should().Be("permanent", "nobody lifts a spam lock");
    }

    [Fact]
    public async Task Address_consent_belongs_to_one_account()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);
        var id = Id(await alice.CreateContactAsync(new { phone = "+15551400002", email = "busy@example.com", dndSettings = new { Email = new { status = "active" } } }));
        await Twilio.InboundAsync(_app, alice, "+15551400002", "STOP");
        await alice.Client.DeleteAsync($"/contacts/{id}");

        var atBob = await bob.CreateContactAsync(new { phone = "+15551400002", email = "busy@example.com" });
        var atAlice = await alice.CreateContactAsync(new { email = "busy@example.com" });

        Status(atBob, "SMS").Should().Be("inactive");
        Status(atBob, "Email").Should().Be("inactive");
        Status(atAlice, "Email").Should().Be("active", "a user's DND on the address stays with it; a user may lift it");
    }

    [Fact]
    public async Task An_inbound_message_from_an_opted_out_phone_creates_a_contact_that_is_still_opted_out()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = Id(await account.CreateContactAsync(new { phone = "+15551400003" }));
        await Twilio.InboundAsync(_app, account, "+15551400003", "STOP");
        await account.Client.DeleteAsync($"/contacts/{first}");

        await Twilio.InboundAsync(_app, account, "+15551400003", "what is this?");

        var found = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search",
            new { filters = new[] { new { field = "phone", @operator = "eq", value = "+15551400003" } } }));
        found.GetProperty("contacts")[0].GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
    }

    [Fact]
    public async Task Phones_are_read_in_the_accounts_region_and_unparseable_ones_are_refused()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { defaultRegion = "GB" }), 200);

        var london = await account.CreateContactAsync(new { phone = "020 7946 0018" });
        var fictional = await account.CreateContactAsync(new { phone = "+1 555-010-2000" });
        var bad = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/", new { phone = "call me maybe" }), 422);
        var tooShort = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/", new { phone = "12" }), 422);
        var region = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { defaultRegion = "XX" }), 422);

        london.GetProperty("phone").GetString().Should().Be("+442079460018");
        fictional.GetProperty("phone").GetString().Should().Be("+15550102000");
        bad.GetProperty("errors")[0].GetString().Should().Contain("phone");
        tooShort.GetProperty("errors")[0].GetString().Should().Contain("phone");
        region.GetProperty("errors")[0].GetString().Should().Contain("defaultRegion");
    }
}
