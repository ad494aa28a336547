using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dnd.Load;

/// <summary>
/// The provider the outbox delivers to during the load: Twilio's REST API as far as the server uses it (the account and
/// sender-number checks of a connect, Messages.json to send and to list), on Kestrel inside this process, one request
/// delegate and no routing or logging, so it costs the shared 2 cores as little as an endpoint can (WireMock is far
/// too slow for thousands of requests a second). It counts every POST and keeps, per delivery token in a body, how
/// often it came and the sid it was answered with, so the harness can tell that each message left exactly once.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string TokenStart = "[dlv-";

    private readonly WebApplication _app;
    private readonly string _prefix;
    private readonly string _authorization;
    private readonly HashSet<string> _numbers;
    private long _posts;
    private long _untokened;
    private long _refused;

    /// <summary>Token → (times posted, the sid of its first post).</summary>
    private readonly ConcurrentDictionary<string, (int Count, string Sid)> _tokens = new();

    /// <summary>What Messages.json lists for a recipient (the outbox's recovery looks a lost hand-over up there).</summary>
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Sid, string Body, DateTimeOffset Created)>> _byTo = new();

    private FakeTwilio(WebApplication app, string accountSid, string authToken, IEnumerable<string> numbers, int port)
    {
        _app = app;
        AccountSid = accountSid;
        _prefix = $"/2010-04-01/Accounts/{accountSid}";
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}"));
        _numbers = numbers.ToHashSet();
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }
    public string AccountSid { get; }
    public long Posts => Interlocked.Read(ref _posts);
    public long Untokened => Interlocked.Read(ref _untokened);
    public long Refused => Interlocked.Read(ref _refused);
    public IReadOnlyDictionary<string, (int Count, string Sid)> Tokens => _tokens;

    public static async Task<FakeTwilio> StartAsync(string accountSid, string authToken, IEnumerable<string> senderNumbers)
    {
        var port = ServerProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fake = new FakeTwilio(app, accountSid, authToken, senderNumbers, port);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Forgets what came so far (the ceiling's probes), so the counts are the delivery's alone.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _posts, 0);
        Interlocked.Exchange(ref _untokened, 0);
        Interlocked.Exchange(ref _refused, 0);
        _tokens.Clear();
        _byTo.Clear();
    }

    /// <summary>The token a body carries ("[dlv-123]" → "123"), or null.</summary>
    public static string? TokenOf(string body)
    {
        var at = body.IndexOf(TokenStart, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var end = body.IndexOf(']', at);
        return end < 0 ? null : body[(at + TokenStart.Length)..end];
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (request.Headers.Authorization != _authorization)
        {
            Interlocked.Increment(ref _refused);
            await Answer(context, 401, """{"code":20003,"message":"Authenticate","status":401}""");
            return;
        }
        if (path == _prefix + "/Messages.json" && HttpMethods.IsPost(request.Method))
        {
            var form = await request.ReadFormAsync();
            var body = form["Body"].ToString();
            var to = form["To"].ToString();
            var sid = "SM" + Guid.NewGuid().ToString("N");
            Interlocked.Increment(ref _posts);
            if (TokenOf(body) is { } token)
            {
                _tokens.AddOrUpdate(token, (1, sid), (_, had) => (had.Count + 1, had.Sid));
            }
            else
            {
                Interlocked.Increment(ref _untokened);
            }
            _byTo.GetOrAdd(to, _ => new()).Enqueue((sid, body, DateTimeOffset.UtcNow));
            await Answer(context, 201, $$"""{"sid":"{{sid}}","status":"queued"}""");
        }
        else if (path == _prefix + "/Messages.json" && HttpMethods.IsGet(request.Method))
        {
            var sent = _byTo.TryGetValue(request.Query["To"].ToString(), out var queue) ? queue.ToArray() : [];
            var page = sent.Reverse().Take(50).Select(m => new
            {
                sid = m.Sid, body = m.Body, date_created = m.Created.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture),
            });
            await Answer(context, 200, JsonSerializer.Serialize(new { messages = page }));
        }
        else if (path == _prefix + ".json" && HttpMethods.IsGet(request.Method))
        {
            await Answer(context, 200, $$"""{"sid":"{{AccountSid}}","friendly_name":"Load harness fake","status":"active"}""");
        }
        else if (path == _prefix + "/IncomingPhoneNumbers.json" && HttpMethods.IsGet(request.Method))
        {
            var number = request.Query["PhoneNumber"].ToString();
            var found = _numbers.Contains(number) ? new[] { number } : [];
            await Answer(context, 200, JsonSerializer.Serialize(new { incoming_phone_numbers = found.Select(n => new { phone_number = n }) }));
        }
        else
        {
            await Answer(context, 404, """{"code":20404,"message":"The requested resource was not found","status":404}""");
        }
    }

    private static Task Answer(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
