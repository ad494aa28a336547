using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>Posts webhooks the way Twilio does: form-encoded, signed with the account's auth token over the public URL.</summary>
public static class Twilio
{
    /// <param name="signedBase">The base URL the signature is computed over (Twilio may sign with the default port).</param>
    public static async Task<HttpResponseMessage> PostAsync(DndApp app, TestAccount account, string hook, Dictionary<string, string> form, string? token = null,
        string signedBase = DndApp.PublicBaseUrl)
    {
        var path = $"/webhooks/twilio/{account.Id}/{hook}";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(token ?? account.TwilioToken, signedBase + path, form));
        return await app.CreateClient().SendAsync(request);
    }

    public static async Task<HttpResponseMessage> InboundAsync(DndApp app, TestAccount account, string from, string body, string? sid = null)
    {
        var response = await PostAsync(app, account, "sms", new()
        {
            ["MessageSid"] = sid ?? "SM" + Guid.NewGuid().ToString("N"), ["From"] = from, ["To"] = "+15550009999", ["Body"] = body,
        });
        await Http.EnsureAsync(response, 200);
        return response;
    }

    public static Task<HttpResponseMessage> StatusAsync(DndApp app, TestAccount account, string to, string status, string? errorCode, string? sid = null) =>
        PostAsync(app, account, "status", new()
        {
            ["MessageSid"] = sid ?? "SM" + Guid.NewGuid().ToString("N"), ["MessageStatus"] = status, ["To"] = to,
            ["From"] = "+15550009999", ["ErrorCode"] = errorCode ?? "",
        });
}
