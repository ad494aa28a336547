using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Infrastructure.Providers;

/// <summary>
/// A subscriber's endpoint on a free local port (Kestrel): checks each delivery's signature the way the README tells a
/// receiver to, written here independently of the server's signing code, and records every POST in arrival order. A test
/// scripts failures per contact ("fail the next n deliveries about contact X with 500").
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Hook, long DeliveryId, string Event, string Subject, string Body, bool SignatureValid, int Answered);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private readonly ConcurrentDictionary<(string Hook, string Subject), int> _failures = new();
    private readonly ConcurrentQueue<Received> _received = new();

    /// <param name="now">The receiver's clock, for the replay window: the test's, when the server's is moved on.</param>
    public WebhookReceiver(Func<DateTimeOffset>? now = null)
    {
        now ??= () => DateTimeOffset.UtcNow;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/{hook}", async (string hook, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var valid = _secrets.TryGetValue(hook, out var secret) && Verify(secret, request.Headers["X-Dnd-Signature"].ToString(), body, now());
            var subject = SubjectOf(body);
            var fail = _failures.AddOrUpdate((hook, subject), 0, (_, left) => left) > 0;
            if (fail)
            {
                _failures.AddOrUpdate((hook, subject), 0, (_, left) => left - 1);
            }
            var status = !valid ? 401 : fail ? 500 : 200;
            _received.Enqueue(new Received(hook, long.Parse(request.Headers["X-Dnd-Delivery"].ToString()), request.Headers["X-Dnd-Event"].ToString(),
                subject, body, valid, status));
            return Results.Text(status == 500 ? "receiver is down" : "ok", statusCode: status);
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Base { get; }

    /// <summary>A new hook's URL; its deliveries are verified with the secret given later (<see cref="Trust"/>).</summary>
    public string NewHook(out string hook)
    {
        hook = Guid.NewGuid().ToString("N")[..12];
        return new Uri(Base, $"/hooks/{hook}").ToString();
    }

    public void Trust(string hook, string secret) => _secrets[hook] = secret;

    /// <summary>The next <paramref name="times"/> deliveries about <paramref name="subject"/> (a contact id) get a 500.</summary>
    public void Fail(string hook, string subject, int times) => _failures[(hook, subject)] = times;

    public IReadOnlyList<Received> For(string hook) => _received.Where(r => r.Hook == hook).ToList();

    /// <summary>
    /// The README's check: t and v1 from the header, t no older than <paramref name="tolerance"/> (default 5 minutes),
    /// and v1 equal, in constant time, to hex HMAC-SHA256(secret, t + "." + raw body).
    /// </summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var seconds) || !parts.TryGetValue("v1", out var v1))
        {
            return false;
        }
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? TimeSpan.FromMinutes(5)))
        {
            return false;
        }
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(t + "." + body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(v1));
    }

    private static string SubjectOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.TryGetProperty("entry", out var entry)
            ? entry.GetProperty("contactId").GetString() ?? "address:" + entry.GetProperty("address").GetString()
            : root.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
