using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>{{ unsubscribe_link }} in a text: a short signed link to a page that stops SMS, or everything.</summary>
public class SmsUnsubscribeLinkTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    /// <summary>A contact texted a message carrying {{ unsubscribe_link }}, and that link's path.</summary>
    internal static async Task<(string Id, string Path)> TextedContactAsync(TestAccount account, string phone)
    {
        var id = (await account.CreateContactAsync(new { phone, email = $"{phone[1..]}@example.com" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "SMS", contactId = id, message = "Deals today. Opt out: {{ unsubscribe_link }}" }), 200);
        var body = (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={id}")))
            .GetProperty("messages").EnumerateArray().Last().GetProperty("body").GetString()!;
        var url = Regex.Match(body, @"https?://\S+/u/\S+").Value;
        url.Should().NotBeEmpty($"the text carries its link: {body}");
        return (id, new Uri(url).AbsolutePath);
    }

    private static FormUrlEncodedContent Stop(string what) => new(new Dictionary<string, string> { ["stop"] = what });

    [Fact]
    public async Task The_page_names_the_business_the_text_came_from_and_reads_on_a_phone()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { businessName = "Kim's Bakery" }), 200);
        var (_, path) = await TextedContactAsync(account, "+15550910009");

        var page = await (await _app.CreateClient().GetAsync(path)).Content.ReadAsStringAsync();

        page.Should().Contain("<p class=\"brand\">Kim&#39;s Bakery</p>").And.Contain("lang=\"en\"").And.Contain("width=device-width");
    }

    [Fact]
    public async Task The_link_is_short_its_page_changes_nothing_and_stop_sms_is_the_contacts_own_opt_out()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { businessName = "Linked Shop" }), 200);
        var (id, path) = await TextedContactAsync(account, "+15550910001");
        path.Length.Should().BeLessThan(45, "a text has little room: /u/ and a 38-character token");
        var client = _app.CreateClient();

        var page = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        page.Should().Contain("Stop receiving text messages from Linked Shop at +15550910001").And.Contain("Stop SMS").And.Contain("Stop everything");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive", "a GET (a link preview) changes nothing");

        var done = await client.PostAsync(path, Stop("SMS"));
        await Http.EnsureAsync(done, 200);
        (await done.Content.ReadAsStringAsync()).Should().Contain("Linked Shop will not text you again");
        var contact = await account.GetContactAsync(id);
        contact.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
        contact.GetProperty("dndSettings").GetProperty("SMS").GetProperty("code").GetString().Should().Be("sms_link_opt_out");
        contact.GetProperty("dndSettings").GetProperty("Email").GetProperty("status").GetString().Should().Be("inactive");
        var lines = (await account.LedgerAsync(id)).GetArrayLength();
        await Http.EnsureAsync(await client.PostAsync(path, Stop("SMS")), 200);
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(lines, "one link is one opt-out, however often it is clicked");
        (await account.LedgerAsync(id)).EnumerateArray().Last().GetProperty("actedBy").GetString().Should().StartWith("contact, SMS unsubscribe link of message ");

        await Twilio.InboundAsync(_app, account, "+15550910001", "START");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive", "the contact's own opt-in lifts the contact's own opt-out");
    }

    [Fact]
    public async Task Stop_everything_blocks_every_channel_sms_as_the_contacts_opt_out_the_rest_for_a_user_to_adjust()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (id, path) = await TextedContactAsync(account, "+15550910002");

        await Http.EnsureAsync(await _app.CreateClient().PostAsync(path, Stop("everything")), 200);

        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        (await account.DndStatusAsync(id, "Email")).Should().Be("active");
        (await account.DndStatusAsync(id, "WhatsApp")).Should().Be("active");
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{id}",
            new { dndSettings = new { Email = new { status = "inactive", message = "asked by phone for receipts by email" } } }), 200);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
    }

    [Fact]
    public async Task A_forged_or_mangled_link_is_refused_and_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (id, path) = await TextedContactAsync(account, "+15550910003");
        var token = path[3..];
        var forged = "/u/" + token[..22] + new string('A', 16);

        await Http.ProblemAsync(await _app.CreateClient().PostAsync(forged, Stop("SMS")), 400);
        await Http.ProblemAsync(await _app.CreateClient().GetAsync("/u/" + token[..^1]), 400);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
    }
}
