using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>Compliance texts are the account's own: what SMS and email carry, when, and what STOP and HELP answer.</summary>
public class ComplianceTextTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static async Task<JsonElement> PutAsync(TestAccount account, object body) =>
        await Http.JsonAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", body));

    private static async Task<string> SendAsync(TestAccount account, string contactId, string type, string message, string? subject = null)
    {
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type, contactId, message, subject, html = type == "Email" ? message : null }), 200);
        return (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
            .GetProperty("messages").EnumerateArray().Last().GetProperty("body").GetString()!;
    }

    private static async Task<string> ContactAsync(TestAccount account, string phone, string? email = null) =>
        (await account.CreateContactAsync(new { firstName = "Kim", phone, email })).GetProperty("id").GetString()!;

    [Fact]
    public async Task The_accounts_sms_text_is_added_on_every_message_by_default_never_twice()
    {
        var account = await TestAccount.CreateAsync(_app);
        var defaults = await Http.JsonAsync(await account.Client.GetAsync("/locations/compliance/"));
        defaults.GetProperty("smsOptOutWhen").GetString().Should().Be("every");
        defaults.GetProperty("businessName").GetString().Should().Be(account.Id, "the account's name until it sets a business name");
        await PutAsync(account, new { businessName = "Kim's Bakery", smsOptOutText = "{{ account.business_name }}: txt STOP to end." });
        var id = await ContactAsync(account, "+15550880001");

        (await SendAsync(account, id, "SMS", "Bread is ready")).Should().Be("Bread is ready\n\nKim's Bakery: txt STOP to end.");
        (await SendAsync(account, id, "SMS", "Cake too")).Should().Be("Cake too\n\nKim's Bakery: txt STOP to end.");
        (await SendAsync(account, id, "SMS", "Rolls. Kim's  Bakery:  txt stop to end.")).Should().Be("Rolls. Kim's  Bakery:  txt stop to end.",
            "a body that already carries the text does not get it twice");
    }

    [Fact]
    public async Task First_adds_the_text_to_the_first_sms_to_a_contact_and_never_adds_none()
    {
        var account = await TestAccount.CreateAsync(_app);
        await PutAsync(account, new { smsOptOutWhen = "first" });
        var (one, two) = (await ContactAsync(account, "+15550880002"), await ContactAsync(account, "+15550880003"));

        (await SendAsync(account, one, "SMS", "Hello")).Should().Be("Hello\n\nReply STOP to unsubscribe.");
        (await SendAsync(account, one, "SMS", "Again")).Should().Be("Again");
        (await SendAsync(account, two, "SMS", "Hello")).Should().EndWith("Reply STOP to unsubscribe.", "each contact's first message");

        await PutAsync(account, new { smsOptOutWhen = "never" });
        (await SendAsync(account, two, "SMS", "Quiet")).Should().Be("Quiet");
    }

    [Fact]
    public async Task Email_carries_the_accounts_link_text_and_footer_with_its_business_address()
    {
        var account = await TestAccount.CreateAsync(_app);
        await PutAsync(account, new { businessName = "Kim & Co", businessAddress = "1 Main St, Springfield", unsubscribeLinkText = "Stop these emails, {{ contact.first_name }}" });
        var id = await ContactAsync(account, "+15550880004", "kim@example.com");

        var body = await SendAsync(account, id, "Email", "<p>News</p>", "Hello");

        body.Should().Contain(">Stop these emails, Kim</a>").And.Contain("Kim &amp; Co, 1 Main St, Springfield");
    }

    [Fact]
    public async Task The_preview_is_the_message_exactly_as_it_leaves()
    {
        var account = await TestAccount.CreateAsync(_app);
        await PutAsync(account, new { businessName = "Previewed", smsOptOutText = "{{ account.business_name }}: reply STOP, {{ contact.first_name }}." });
        var id = await ContactAsync(account, "+15550880005");

        var preview = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/locations/compliance/preview",
            new { channel = "SMS", body = "Hi {{ contact.first_name }}", contactId = id }));
        var sent = await SendAsync(account, id, "SMS", "Hi {{ contact.first_name }}");

        preview.GetProperty("body").GetString().Should().Be(sent).And.Be("Hi Kim\n\nPreviewed: reply STOP, Kim.");
        var sample = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/locations/compliance/preview",
            new { channel = "Email", body = "<p>Hi {{ contact.first_name }}</p>", subject = "For {{ contact.first_name }}" }));
        sample.GetProperty("subject").GetString().Should().Be("For Alex");
        sample.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString().Should().Be("List-Unsubscribe=One-Click");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/locations/compliance/preview", new { channel = "Pigeon", body = "x" }), 422);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/locations/compliance/preview", new { channel = "SMS", body = "x", contactId = "nobody" }), 404);
    }

    [Fact]
    public async Task A_bad_template_is_refused_with_its_line_and_column_and_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/compliance/",
            new { businessName = "Never saved", optOutReply = "Bye\n{{ if }}", smsOptOutWhen = "sometimes" }), 422);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        errors.Should().Contain(e => e!.StartsWith("optOutReply: line 2, column "));
        errors.Should().Contain(e => e!.Contains("smsOptOutWhen must be one of every, first, never"));
        (await Http.JsonAsync(await account.Client.GetAsync("/locations/compliance/"))).GetProperty("businessName").GetString().Should().Be(account.Id);
        await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { smsOptOutText = " " }), 422);
    }

    [Fact]
    public async Task Stop_and_help_are_answered_with_the_accounts_texts_unless_twilio_answers_them()
    {
        var account = await TestAccount.CreateAsync(_app);
        await PutAsync(account, new { businessName = "Kim's Bakery", helpReply = "{{ account.business_name }} help: call 555-0100." });
        await ContactAsync(account, "+15550880006");

        var help = await (await Twilio.InboundAsync(_app, account, "+15550880006", "Help!")).Content.ReadAsStringAsync();
        var chat = await (await Twilio.InboundAsync(_app, account, "+15550880006", "thanks")).Content.ReadAsStringAsync();
        var stop = await (await Twilio.InboundAsync(_app, account, "+15550880006", "stop")).Content.ReadAsStringAsync();
        var helpAfterStop = await (await Twilio.InboundAsync(_app, account, "+15550880006", "HELP")).Content.ReadAsStringAsync();
        var twilioStop = await (await Twilio.PostAsync(_app, account, "sms", new()
        {
            ["MessageSid"] = "SMcompliance", ["From"] = "+15550880006", ["To"] = "+15550009999", ["Body"] = "STOP", ["OptOutType"] = "STOP",
        })).Content.ReadAsStringAsync();

        stop.Should().Contain("<Message>Kim&apos;s Bakery: you are unsubscribed and will get no more messages. Reply START to resubscribe.</Message>");
        help.Should().Contain("<Message>Kim&apos;s Bakery help: call 555-0100.</Message>");
        chat.Should().NotContain("<Message>");
        helpAfterStop.Should().NotContain("<Message>", "after an opt-out its one confirmation is the last message on the channel, HELP's answer included");
        twilioStop.Should().NotContain("<Message>", "Twilio's Advanced Opt-Out sends its own confirmation");
    }
}
