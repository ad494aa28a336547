using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dnd.Host.Limits;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Api;

/// <summary>
/// A body past its endpoint's limit is a 413 problem before anything reads it, whether it declares its length or
/// comes chunked; an unreadable one is a 400. Either way nothing changes.
/// </summary>
public class BodyLimitTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    /// <summary>A body whose length is not known in advance, so HttpClient sends it chunked with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static HttpContent Body(byte[] bytes, string contentType, bool chunked)
    {
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static HttpRequestMessage Post(string path, byte[] bytes, string contentType, bool chunked)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(bytes, contentType, chunked) };
        request.Headers.TransferEncodingChunked = chunked ? true : null;
        return request;
    }

    /// <summary>Mailgun's JSON padded with an ignored field to exactly this many bytes.</summary>
    private static byte[] MailgunJson(TestAccount account, string recipient, int bytes)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var token = Guid.NewGuid().ToString("N");
        string Json(string padding) => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["signature"] = new { timestamp, token, signature = MailgunSignature.Compute(account.MailgunKey, timestamp, token) },
            ["event-data"] = new { id = Guid.NewGuid().ToString("N"), @event = "unsubscribed", recipient },
            ["padding"] = padding,
        });
        var body = Encoding.UTF8.GetBytes(Json(new string('x', bytes - Encoding.UTF8.GetByteCount(Json("")))));
        body.Length.Should().Be(bytes);
        return body;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_api_body_over_the_limit_is_refused_413_and_changes_nothing(bool chunked)
    {
        var account = await TestAccount.CreateAsync(_app);
        var json = JsonSerializer.SerializeToUtf8Bytes(new { name = "big", query = new string('x', ApiLimits.ApiBodyBytes) });

        var response = await account.Client.SendAsync(Post("/smart-lists/", json, "application/json", chunked));

        (await Http.ProblemAsync(response, 413)).GetProperty("detail").GetString().Should().Contain(ApiLimits.ApiBodyBytes.ToString());
        (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_message_body_over_its_limit_is_refused_413_and_sends_nothing(bool chunked)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "big@example.com" })).GetProperty("id").GetString()!;
        var json = JsonSerializer.SerializeToUtf8Bytes(new { type = "Email", contactId = id, html = new string('x', ApiLimits.MessageRequestBytes) });

        var response = await account.Client.SendAsync(Post("/conversations/messages", json, "application/json", chunked));

        (await Http.ProblemAsync(response, 413)).GetProperty("detail").GetString().Should().Contain(ApiLimits.MessageRequestBytes.ToString());
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={id}"))).GetProperty("messages").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_mailgun_body_over_64_kib_is_refused_413_and_one_at_the_limit_is_applied(bool chunked)
    {
        var account = await TestAccount.CreateAsync(_app);
        var email = $"m{Guid.NewGuid():N}@example.com";
        var id = (await account.CreateContactAsync(new { email })).GetProperty("id").GetString()!;
        var client = _app.CreateClient();

        var over = await client.SendAsync(Post($"/webhooks/mailgun/{account.Id}", MailgunJson(account, email, ApiLimits.WebhookBodyBytes + 1), "application/json", chunked));
        await Http.ProblemAsync(over, 413);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(0);

        var at = await client.SendAsync(Post($"/webhooks/mailgun/{account.Id}", MailgunJson(account, email, ApiLimits.WebhookBodyBytes), "application/json", chunked));
        await Http.EnsureAsync(at, 200);
        (await account.DndStatusAsync(id, "Email")).Should().Be("active");
    }

    [Fact]
    public async Task A_twilio_form_with_a_4_mb_field_is_refused_413_and_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15552200001" })).GetProperty("id").GetString()!;

        var response = await Twilio.PostAsync(_app, account, "sms", new()
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = "+15552200001", ["Body"] = "STOP", ["Padding"] = new string('a', 4 * 1024 * 1024),
        });

        await Http.ProblemAsync(response, 413);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={id}"))).GetProperty("messages").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_twilio_body_over_64_kib_is_refused_413(bool chunked)
    {
        var account = await TestAccount.CreateAsync(_app);
        var form = Encoding.UTF8.GetBytes("MessageSid=SM1&From=%2B15552200002&Body=STOP&Padding=" + new string('a', ApiLimits.WebhookBodyBytes));

        var response = await _app.CreateClient().SendAsync(Post($"/webhooks/twilio/{account.Id}/sms", form, "application/x-www-form-urlencoded", chunked));

        await Http.ProblemAsync(response, 413);
        (await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { }))).GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nSTOP")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nSTOP\r\n--xyz")]
    [InlineData("multipart/form-data", "--xyz\r\n\r\n")]
    public async Task A_malformed_multipart_body_on_twilio_is_a_400_problem_and_changes_nothing(string contentType, string body)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15552200003" })).GetProperty("id").GetString()!;
        var request = Post($"/webhooks/twilio/{account.Id}/sms", Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", chunked: false);
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(account.TwilioToken, DndApp.PublicBaseUrl + request.RequestUri, []));

        await Http.ProblemAsync(await _app.CreateClient().SendAsync(request), 400);

        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task An_unsubscribe_post_over_64_kib_is_refused_413_and_unsubscribes_nobody()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "keep@example.com" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "Email", contactId = id, html = "<p>x</p>" }), 200);
        var path = await MessagingAndUnsubscribeTests.UnsubscribePathAsync(account, id);
        var form = Encoding.UTF8.GetBytes("List-Unsubscribe=One-Click&Padding=" + new string('a', ApiLimits.WebhookBodyBytes));

        await Http.ProblemAsync(await _app.CreateClient().SendAsync(Post(path, form, "application/x-www-form-urlencoded", chunked: false)), 413);

        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
    }
}
