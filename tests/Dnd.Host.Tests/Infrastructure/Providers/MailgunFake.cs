using System.Text.Json;
using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Dnd.Host.Tests.Infrastructure.Providers;

/// <summary>
/// A stand-in for Mailgun's API (WireMock.Net): domain lookup and messages send behind basic auth api:key. A wrong key
/// gets Mailgun's plain "Forbidden" 401; an unknown domain a 404; <see cref="RateLimit"/> a 429.
/// </summary>
public sealed class MailgunFake : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public MailgunFake()
    {
        _server.Given(Request.Create().WithPath("/*")).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.Unauthorized).WithHeader("Content-Type", "text/plain").WithBody("Forbidden"));
    }

    public string BaseUrl => _server.Url!;

    public IEnumerable<KeyValuePair<string, string>> Settings => [new("Dnd:Providers:Mailgun:BaseUrl", BaseUrl)];

    public MailgunFake Domain(string domain, string apiKey)
    {
        var auth = BasicAuth.Header("api", apiKey);
        _server.Given(Request.Create().WithPath("/v3/domains/*").UsingGet().WithHeader("Authorization", auth)).AtPriority(20)
            .RespondWith(Response.Create().WithStatusCode(404).WithBodyAsJson(new { message = "Domain not found" }));
        _server.Given(Request.Create().WithPath($"/v3/domains/{domain}").UsingGet().WithHeader("Authorization", auth)).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { domain = new { name = domain, state = "active" }, message = "Domain DNS records have been retrieved" }));
        _server.Given(Request.Create().WithPath($"/v3/{domain}/messages").UsingPost().WithHeader("Authorization", auth)).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(_ => JsonSerializer.Serialize(new { id = $"<{Guid.NewGuid():N}@{domain}>", message = "Queued. Thank you." })));
        return this;
    }

    public void RateLimit(int retryAfterSeconds = 1) =>
        _server.Given(Request.Create().WithPath("/*")).AtPriority(1).RespondWith(Response.Create().WithStatusCode(429)
            .WithHeader("Retry-After", retryAfterSeconds.ToString()).WithBodyAsJson(new { message = "Too many requests" }));

    public IReadOnlyList<string> Requests => _server.LogEntries.Select(e => e.RequestMessage.Path).ToList();

    /// <summary>The messages send requests received, as their raw (multipart) bodies.</summary>
    public IReadOnlyList<string> SentBodies => _server.LogEntries
        .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.EndsWith("/messages", StringComparison.Ordinal))
        .Select(e => e.RequestMessage.Body ?? "").ToList();

    public void Dispose() => _server.Stop();
}
