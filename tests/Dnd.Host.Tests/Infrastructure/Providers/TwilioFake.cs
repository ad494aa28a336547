using System.Text.Json;
using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Dnd.Host.Tests.Infrastructure.Providers;

/// <summary>
/// A stand-in for Twilio's REST API (WireMock.Net): account lookup, Messaging Services, the account's numbers, and
/// Messages create, each behind HTTP basic auth (Account SID and auth token) as Twilio checks it. Wrong credentials get
/// Twilio's own error body (20003, 401); <see cref="RateLimit"/> makes every call a 429 with Retry-After.
/// </summary>
public sealed class TwilioFake : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public TwilioFake()
    {
        // Anything not matched below: Twilio's answer to bad credentials.
        _server.Given(Request.Create().WithPath("/*")).AtPriority(100)
            .RespondWith(Error(HttpStatusCode.Unauthorized, 20003, "Authenticate"));
    }

    public string BaseUrl => _server.Url!;

    /// <summary>The settings that point the server at this fake.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Dnd:Providers:Twilio:BaseUrl", BaseUrl), new("Dnd:Providers:Twilio:MessagingBaseUrl", BaseUrl)];

    public static string NewAccountSid() => "AC" + Guid.NewGuid().ToString("N");

    public static string NewServiceSid() => "MG" + Guid.NewGuid().ToString("N");

    /// <summary>An account that answers with <paramref name="authToken"/>, its Messaging Services and numbers, and its Messages endpoint.</summary>
    public TwilioFake Account(string sid, string authToken, IEnumerable<string>? services = null, IEnumerable<string>? numbers = null)
    {
        var auth = BasicAuth.Header(sid, authToken);
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{sid}.json").UsingGet().WithHeader("Authorization", auth)).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { sid, friendly_name = "Fake account", status = "active", type = "Full" }));
        _server.Given(Request.Create().WithPath("/v1/Services/*").UsingGet().WithHeader("Authorization", auth)).AtPriority(20)
            .RespondWith(Error(HttpStatusCode.NotFound, 20404, "The requested resource was not found"));
        foreach (var service in services ?? [])
        {
            _server.Given(Request.Create().WithPath($"/v1/Services/{service}").UsingGet().WithHeader("Authorization", auth)).AtPriority(10)
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { sid = service, account_sid = sid, friendly_name = "Fake service" }));
        }
        var numbersPath = $"/2010-04-01/Accounts/{sid}/IncomingPhoneNumbers.json";
        _server.Given(Request.Create().WithPath(numbersPath).UsingGet().WithHeader("Authorization", auth)).AtPriority(20)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { incoming_phone_numbers = Array.Empty<object>() }));
        foreach (var number in numbers ?? [])
        {
            _server.Given(Request.Create().WithPath(numbersPath).UsingGet().WithParam("PhoneNumber", number).WithHeader("Authorization", auth)).AtPriority(10)
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { incoming_phone_numbers = new[] { new { phone_number = number } } }));
        }
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{sid}/Messages.json").UsingPost().WithHeader("Authorization", auth)).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(request => JsonSerializer.Serialize(new
            {
                sid = "SM" + Guid.NewGuid().ToString("N"), account_sid = sid, to = request.BodyData?.BodyAsFormUrlEncoded is { } form && form.TryGetValue("To", out var to) ? to : null, status = "queued",
            })));
        return this;
    }

    private static readonly Guid RateLimitMapping = Guid.NewGuid();

    /// <summary>From now on every request is refused with 429 and Retry-After, as Twilio does past its concurrency limit.</summary>
    public void RateLimit(int retryAfterSeconds = 1) =>
        _server.Given(Request.Create().WithPath("/*")).AtPriority(1).WithGuid(RateLimitMapping)
            .RespondWith(Error((HttpStatusCode)429, 20429, "Too Many Requests").WithHeader("Retry-After", retryAfterSeconds.ToString()));

    public void EndRateLimit() => _server.DeleteMapping(RateLimitMapping);

    /// <summary>Messages to <paramref name="to"/> are refused for good with Twilio's error <paramref name="code"/> (21610: the recipient replied STOP).</summary>
    public void Refuse(string accountSid, string to, int code, string message) =>
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{accountSid}/Messages.json").UsingPost()
                .WithBody(b => b is not null && b.Contains("To=" + Uri.EscapeDataString(to), StringComparison.Ordinal))).AtPriority(5)
            .RespondWith(Error(HttpStatusCode.BadRequest, code, message));

    /// <summary>Twilio's message list for a recipient (what a lost hand-over is looked up in) holds these messages.</summary>
    public void Lists(string accountSid, string to, params (string Sid, string Body, DateTimeOffset Created)[] messages) =>
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{accountSid}/Messages.json").UsingGet().WithParam("To", to)).AtPriority(5)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                messages = messages.Select(m => new { sid = m.Sid, to, body = m.Body, date_created = m.Created.ToString("r"), status = "sent" }).ToArray(),
            }));

    /// <summary>The Messages create requests received, as their form fields.</summary>
    public IReadOnlyList<IDictionary<string, string>> SentMessages => _server.LogEntries
        .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal))
        .Select(e => e.RequestMessage.BodyData?.BodyAsFormUrlEncoded ?? new Dictionary<string, string>()).ToList();

    /// <summary>Every request's path, in order, so a test can see that nothing was asked.</summary>
    public IReadOnlyList<string> Requests => _server.LogEntries.Select(e => e.RequestMessage.Path).ToList();

    private static IResponseBuilder Error(HttpStatusCode status, int code, string message) => Response.Create().WithStatusCode(status)
        .WithBodyAsJson(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status = (int)status });

    public void Dispose() => _server.Stop();
}
