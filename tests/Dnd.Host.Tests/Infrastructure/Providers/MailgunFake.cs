using System.Text.Json;
using System.Net;
using System.Text.RegularExpressions;
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
        // Suppression lists are empty until Suppressions fills one, as a new domain's are.
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher($"^/v3/{Regex.Escape(domain)}/(bounces|unsubscribes|complaints)$")).UsingGet()
                .WithHeader("Authorization", auth)).AtPriority(30)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { items = Array.Empty<object>(), paging = new { } }));
        _server.Given(Request.Create().WithPath($"/v3/{domain}/*").UsingDelete().WithHeader("Authorization", auth)).AtPriority(30)
            .RespondWith(Response.Create().WithStatusCode(404).WithBodyAsJson(new { message = "Address not found in suppressions table" }));
        return this;
    }

    /// <summary>
    /// A suppression list of the domain (bounces, unsubscribes, complaints) as Mailgun pages it: the entries on the first
    /// page with a paging.next link, an empty page after it. Removing a listed address answers 200, any other 404.
    /// </summary>
    public MailgunFake Suppressions(string domain, string apiKey, string list, params object[] items)
    {
        var auth = BasicAuth.Header("api", apiKey);
        var path = $"/v3/{domain}/{list}";
        var next = $"{BaseUrl}{path}?page=next&limit=500";
        _server.Given(Request.Create().WithPath(path).UsingGet().WithHeader("Authorization", auth)).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { items, paging = new { next, first = $"{BaseUrl}{path}?page=first" } }));
        _server.Given(Request.Create().WithPath(path).WithParam("page", "next").UsingGet().WithHeader("Authorization", auth)).AtPriority(5)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { items = Array.Empty<object>(), paging = new { next } }));
        foreach (var address in items.Select(i => (string)i.GetType().GetProperty("address")!.GetValue(i)!))
        {
            _server.Given(Request.Create().WithPath($"{path}/{address}").UsingDelete().WithHeader("Authorization", auth)).AtPriority(10)
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { message = "Suppression has been removed", address }));
        }
        return this;
    }

    /// <summary>Every removal from the domain's suppression lists answered with a 500 until the returned handle is disposed.</summary>
    public IDisposable RefuseRemovals(string domain)
    {
        var guid = Guid.NewGuid();
        _server.Given(Request.Create().WithPath($"/v3/{domain}/*").UsingDelete()).WithGuid(guid).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500).WithBodyAsJson(new { message = "Internal Server Error" }));
        return new Removal(() => _server.DeleteMapping(guid));
    }

    /// <summary>Every removal from the domain's suppression lists answered 200 ("removed"), each after <paramref name="delay"/>.</summary>
    public void DelayRemovals(string domain, TimeSpan delay) =>
        _server.Given(Request.Create().WithPath($"/v3/{domain}/*").UsingDelete()).AtPriority(1)
            .RespondWith(Response.Create().WithDelay(delay).WithStatusCode(200).WithBodyAsJson(new { message = "Suppression has been removed" }));

    /// <summary>The paths of the suppression removals received (DELETE /v3/{domain}/{list}/{address}).</summary>
    public IReadOnlyList<string> Removals => _server.LogEntries.Where(e => e.RequestMessage.Method == "DELETE")
        .Select(e => Uri.UnescapeDataString(e.RequestMessage.Path)).ToList();

    private sealed class Removal(Action undo) : IDisposable
    {
        public void Dispose() => undo();
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
