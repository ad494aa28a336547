using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

public class MessagingAndUnsubscribeTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static async Task<JsonElement> LastMessageAsync(TestAccount account, string contactId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}"))).GetProperty("messages").EnumerateArray().Last();

    /// <summary>The path of the one-click unsubscribe link in the contact's last email.</summary>
    public static async Task<string> UnsubscribePathAsync(TestAccount account, string contactId)
    {
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>((await LastMessageAsync(account, contactId)).GetProperty("headersJson").GetString()!)!;
        return new Uri(Regex.Match(headers["List-Unsubscribe"], "^<(.+)>$").Groups[1].Value).AbsolutePath;
    }

    [Fact]
    public async Task Sms_is_rendered_with_scriban_and_gets_the_opt_out_footer()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { firstName = "Dee", phone = "+15550500001" })).GetProperty("id").GetString()!;

        var sent = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = id, message = "Hi {{ contact.first_name }}!" });

        await Http.EnsureAsync(sent, 200);
        var message = await LastMessageAsync(account, id);
        message.GetProperty("body").GetString().Should().Be("Hi Dee!\n\nReply STOP to unsubscribe.");
        message.GetProperty("status").GetString().Should().Be("queued");
    }

    [Fact]
    public async Task A_body_that_already_says_stop_gets_no_second_footer()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550500002" })).GetProperty("id").GetString()!;

        await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = id, message = "Sale today. Text STOP to opt out." });

        (await LastMessageAsync(account, id)).GetProperty("body").GetString().Should().Be("Sale today. Text STOP to opt out.");
    }

    [Fact]
    public async Task Sending_to_a_blocked_channel_is_refused_with_the_reason()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550500003" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550500003", "QUIT");

        var problem = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "SMS", contactId = id, message = "Hello" }), 422);

        problem.GetProperty("detail").GetString().Should().Contain("SMS DND is permanent (keyword_opt_out)");
        (await LastMessageAsync(account, id)).GetProperty("purpose").GetString().Should().Be("opt-out-confirmation",
            "a refused send changes nothing: the last message is still the QUIT's one confirmation");
    }

    [Fact]
    public async Task Bad_templates_and_types_are_problems()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550500004" })).GetProperty("id").GetString()!;

        var template = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "SMS", contactId = id, message = "Hi {{ end }}" }), 422);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "Fax", contactId = id, message = "x" }), 422);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = "nobody", message = "x" }), 404);

        template.GetProperty("title").GetString().Should().Be("Invalid template");
    }

    [Fact]
    public async Task Email_carries_rfc8058_one_click_unsubscribe_that_works()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { firstName = "Eve", email = "eve@example.com" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId = id, subject = "News for {{ contact.first_name }}", html = "<p>Hello</p>" }), 200);

        var message = await LastMessageAsync(account, id);
        message.GetProperty("subject").GetString().Should().Be("News for Eve");
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(message.GetProperty("headersJson").GetString()!)!;
        headers["List-Unsubscribe-Post"].Should().Be("List-Unsubscribe=One-Click");
        var url = Regex.Match(headers["List-Unsubscribe"], "^<(.+)>$").Groups[1].Value;
        url.Should().StartWith(DndApp.PublicBaseUrl + "/unsubscribe/");
        message.GetProperty("body").GetString().Should().Contain(url);
        var path = new Uri(url).AbsolutePath;
        var client = _app.CreateClient();

        var page = await client.GetAsync(path);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await page.Content.ReadAsStringAsync()).Should().Contain("eve@example.com").And.Contain("method=\"post\"");
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive", "a GET (a link scanner) must not unsubscribe");

        var oneClick = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        await Http.EnsureAsync(oneClick, 200);
        (await account.DndStatusAsync(id, "Email")).Should().Be("active");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        await Http.EnsureAsync(await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" })), 200);
    }

    [Fact]
    public async Task Posting_the_same_unsubscribe_link_again_answers_the_same_page_and_writes_one_ledger_line()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "twice@example.com" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "Email", contactId = id, html = "<p>x</p>" }), 200);
        var path = await UnsubscribePathAsync(account, id);
        var client = _app.CreateClient();
        HttpContent OneClick() => new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

        var before = (await account.LedgerAsync(id)).GetArrayLength();

        var first = await client.PostAsync(path, OneClick());
        var again = await client.PostAsync(path, OneClick());

        await Http.EnsureAsync(first, 200);
        await Http.EnsureAsync(again, 200);
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(before + 1, "one link is one unsubscribe, however often it is clicked");
        (await account.DndStatusAsync(id, "Email")).Should().Be("active");
    }

    [Fact]
    public async Task Tampered_unsubscribe_tokens_are_refused()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "fay@example.com" })).GetProperty("id").GetString()!;
        await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "Email", contactId = id, html = "<p>x</p>" });
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>((await LastMessageAsync(account, id)).GetProperty("headersJson").GetString()!)!;
        var token = Regex.Match(headers["List-Unsubscribe"], "/unsubscribe/([^>]+)>").Groups[1].Value;
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        await Http.ProblemAsync(await _app.CreateClient().PostAsync($"/unsubscribe/{tampered}", new FormUrlEncodedContent([])), 400);
        await Http.ProblemAsync(await _app.CreateClient().GetAsync("/unsubscribe/garbage"), 400);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
    }

    [Fact]
    public async Task Openapi_describes_the_api()
    {
        var doc = await Http.JsonAsync(await _app.CreateClient().GetAsync("/openapi/v1.json"));

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/contacts", "/contacts/{contactId}", "/contacts/search", "/contacts/upsert",
            "/contacts/{contactId}/workflow/{workflowId}", "/conversations/messages", "/webhooks/mailgun/{accountId}"]);
    }
}
