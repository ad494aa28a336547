using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Preferences;

/// <summary>
/// The preference center over HTTP: each choice goes through the rules as the contact's own act and lands in the ledger;
/// what the rules would refuse has no control, and a forged choice is refused with the rule that refused it.
/// </summary>
public class PreferenceCenterTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private async Task<(TestAccount Account, string Id, PreferenceClient Page)> ContactAsync(string phone, string? email = null)
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { businessName = "Kim's Bakery" }), 200);
        var id = (await account.CreateContactAsync(new { phone, email = email ?? $"{phone[1..]}@example.com" })).GetProperty("id").GetString()!;
        var page = PreferenceClient.For(_app, account, id);
        await page.OpenAsync();
        return (account, id, page);
    }

    private async Task<List<MessageRecord>> MessagesAsync(string contactId)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().Messages.AsNoTracking().Where(m => m.ContactId == contactId).ToListAsync();
    }

    [Fact]
    public async Task The_page_lists_each_channel_with_an_address_and_changes_nothing()
    {
        var (account, id, page) = await ContactAsync("+15550930001");

        page.Html.Should().Contain("<html lang=\"en\"").And.Contain("Kim&#39;s Bakery").And.Contain("<legend>Text messages (SMS)</legend>")
            .And.Contain("<legend>Email</legend>").And.Contain("<legend>Phone calls</legend>").And.Contain("Turn off WhatsApp").And.Contain("Stop everything")
            .And.NotContain("Facebook", "the contact has no address there; Stop everything covers it");
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(0, "a GET (a scanner, a preview) changes nothing");
    }

    [Fact]
    public async Task Sms_off_is_the_contacts_permanent_opt_out_and_on_lifts_it_as_their_own_act()
    {
        var (account, id, page) = await ContactAsync("+15550930002");

        await Http.EnsureAsync(await page.PressAsync("SMS:off"), 200);

        page.Html.Should().Contain("<p role=\"status\">Text messages (SMS): turned off.</p>").And.Contain("Turn on Text messages (SMS)");
        var sms = (await account.GetContactAsync(id)).GetProperty("dndSettings").GetProperty("SMS");
        sms.GetProperty("status").GetString().Should().Be("permanent");
        sms.GetProperty("code").GetString().Should().Be("preference_opt_out");
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        var off = (await account.LedgerAsync(id)).EnumerateArray().Last();
        off.GetProperty("actor").GetString().Should().BeEquivalentTo("contact");
        off.GetProperty("actedBy").GetString().Should().StartWith("contact, preference center");
        off.GetProperty("event").GetString().Should().StartWith("preference-center SMS off");

        await Http.EnsureAsync(await page.PressAsync("SMS:on"), 200);

        page.Html.Should().Contain("Text messages (SMS): turned back on.");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        var on = (await account.LedgerAsync(id)).EnumerateArray().Last();
        on.GetProperty("policyRule").GetString().Should().Be("ContactOptInLiftsOwnOptOut");
        on.GetProperty("before").GetString().Should().BeEquivalentTo("permanent");
        on.GetProperty("after").GetString().Should().BeEquivalentTo("inactive");
    }

    [Fact]
    public async Task Stop_everything_turns_every_channel_off_as_the_contacts_opt_out()
    {
        var (account, id, page) = await ContactAsync("+15550930003");

        await Http.EnsureAsync(await page.PressAsync("everything"), 200);

        page.Html.Should().Contain("Everything is turned off.");
        foreach (var channel in new[] { "SMS", "Email", "Call", "WhatsApp", "FB", "GMB" })
        {
            (await account.DndStatusAsync(id, channel)).Should().Be("permanent", channel);
        }
    }

    [Fact]
    public async Task A_spam_locked_email_has_no_control_and_a_forged_turn_on_is_refused_in_the_ledger_with_its_rule()
    {
        var (account, id, page) = await ContactAsync("+15550930004", "locked@example.com");
        await Http.EnsureAsync(await Mailgun.PostAsync(_app, account, "locked@example.com", "complained"), 200);
        await page.OpenAsync();

        page.Html.Should().Contain("You reported our email as spam").And.NotContain("Turn on Email").And.NotContain("Turn off Email");

        await Http.EnsureAsync(await page.PressAsync("Email:on"), 200);

        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent");
        var refused = (await account.LedgerAsync(id)).EnumerateArray().Last();
        refused.GetProperty("rule").GetString().Should().Be("SpamLockIsNeverLifted");
        refused.GetProperty("channel").GetString().Should().Be("Email");
        refused.GetProperty("explanation").GetString().Should().Contain("nobody can lift it");
        (await MessagesAsync(id)).Should().NotContain(m => m.Purpose == MessagePurpose.OptInConfirmation, "no confirmation goes to a spam-locked address");
    }

    [Fact]
    public async Task A_carrier_block_is_not_lifted_from_the_page_only_by_start_on_the_channel()
    {
        var (account, id, page) = await ContactAsync("+15550930005");
        await Http.EnsureAsync(await Twilio.StatusAsync(_app, account, "+15550930005", "undelivered", "21610"), 200);
        await page.OpenAsync();
        page.Html.Should().Contain("Text START to us").And.NotContain("Turn on Text messages (SMS)");

        await Http.EnsureAsync(await page.PressAsync("SMS:on"), 200);

        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        (await account.LedgerAsync(id)).EnumerateArray().Last().GetProperty("policyRule").GetString().Should().Be("CarrierBlockIsLiftedOnlyOnTheChannel");
    }

    [Fact]
    public async Task Email_back_on_is_double_opt_in_confirmed_by_a_post_of_the_link_it_sends()
    {
        var (account, id, page) = await ContactAsync("+15550930006", "optin@example.com");
        await page.PressAsync("Email:off");
        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent");

        await Http.EnsureAsync(await page.PressAsync("Email:on"), 200);

        page.Html.Should().Contain("Check your inbox: we sent a confirmation link to optin@example.com");
        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent", "nothing changes before the contact confirms from the address");
        (await account.LedgerAsync(id)).EnumerateArray().Last().GetProperty("rule").GetString().Should().Be("PreferenceCenterEmailAwaitsConfirmation");
        var confirmation = (await MessagesAsync(id)).Single(m => m.Purpose == MessagePurpose.OptInConfirmation);
        confirmation.Status.Should().Be(MessageStatus.Queued);
        confirmation.Channel.Should().Be("Email");
        (await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId = id, subject = "Sale", html = "Deals" }), 422)).GetProperty("title").GetString()
            .Should().Be("Blocked by DND", "the DND still blocks marketing before the contact confirms");
        (await page.OpenAsync()).Should().Contain("Check your inbox", "the pending confirmation shows on the page");

        var link = new Uri(Regex.Match(confirmation.Body!, "href=\"([^\"]+/preferences/confirm/[^\"]+)\"").Groups[1].Value).AbsolutePath;
        (await page.OpenAsync(link)).Should().Contain("Yes, send me emails");
        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent", "a GET (a mail scanner) confirms nothing");

        await Http.EnsureAsync(await page.PressAsync(null, link), 200);

        page.Html.Should().Contain("Email is back on.");
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        var confirmed = (await account.LedgerAsync(id)).EnumerateArray().Last();
        confirmed.GetProperty("actor").GetString().Should().BeEquivalentTo("contact");
        confirmed.GetProperty("event").GetString().Should().StartWith("preference-center Email on confirmed");
        confirmed.GetProperty("actedBy").GetString().Should().Contain("e-mail confirmation link");

        await page.OpenAsync(link);
        await Http.ProblemAsync(await page.PressAsync(null, link), 400);
    }

    [Fact]
    public async Task The_page_speaks_the_accounts_language_which_is_validated()
    {
        var (account, _, page) = await ContactAsync("+15550930007");
        (await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { language = "klingon" }), 422))
            .GetRawText().Should().Contain("language");

        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { language = "es" }), 200);
        await page.OpenAsync();

        page.Html.Should().Contain("<html lang=\"es\"").And.Contain("Tus preferencias de mensajes").And.Contain("Desactivar Mensajes de texto (SMS)")
            .And.Contain("Detener todo");
        await page.PressAsync("SMS:off");
        page.Html.Should().Contain("Mensajes de texto (SMS): desactivado.");
    }

    [Fact]
    public async Task The_unsubscribe_pages_that_lead_here_speak_the_accounts_language_too()
    {
        var (account, id, page) = await ContactAsync("+15550930009");
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { language = "es" }), 200);
        var client = _app.CreateClient();

        // An email's link: the question, its button, the way to the preference center; then the page after the stop.
        var email = page.Path.Replace("/preferences/", "/unsubscribe/");
        var question = await Html(await client.GetAsync(email));
        question.Should().Contain("<html lang=\"es\"").And.Contain("<h1>Darse de baja</h1>").And.Contain("¿Dejar de recibir correos en <strong>15550930009@example.com</strong>?")
            .And.Contain(">Darme de baja</button>").And.Contain(">Elige qué mensajes recibes</a>");
        var done = await Html(await client.PostAsync(email, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" })));
        done.Should().Contain("<html lang=\"es\"").And.Contain("<h1>Baja confirmada</h1>").And.Contain("No recibirás más correos nuestros.");
        (await account.DndStatusAsync(id, "Email")).Should().NotBe("inactive");

        // A text's link: its two stops and the way here.
        var (_, text) = await Api.SmsUnsubscribeLinkTests.TextedContactAsync(account, "+15550930010");
        (await Html(await client.GetAsync(text))).Should().Contain("<html lang=\"es\"").And.Contain("<h1>Dejar de recibir mensajes</h1>")
            .And.Contain(">Detener SMS</button>").And.Contain(">Detener todo</button>").And.Contain(">Elige qué mensajes recibes</a>");

        static async Task<string> Html(HttpResponseMessage response)
        {
            await Http.EnsureAsync(response, 200);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_bad_token_a_post_without_the_page_or_an_unknown_choice_is_a_400_that_changes_nothing()
    {
        var (account, id, page) = await ContactAsync("+15550930008");

        await Http.ProblemAsync(await _app.CreateClient().GetAsync("/preferences/not.a-real-link"), 400);
        await Http.ProblemAsync(await _app.CreateClient().PostAsync("/preferences/not.a-real-link", new FormUrlEncodedContent([])), 400);
        await Http.ProblemAsync(await page.PostWithoutPageAsync("SMS:off"), 400);
        await Http.ProblemAsync(await page.PressAsync("SMS:sideways"), 400);
        await Http.ProblemAsync(await _app.CreateClient().GetAsync("/preferences/confirm/garbage"), 400);

        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Every_language_names_every_channel()
    {
        foreach (var texts in Dnd.Host.Unsubscribe.ContactPageTexts.All)
        {
            texts.Channels.Keys.Should().BeEquivalentTo(Dnd.Rules.Consent.ChannelNames.All, texts.Lang);
        }
    }
}
