using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Infrastructure.Providers;

/// <summary>
/// A Twilio that remembers: Messages create records each message the moment it arrives (as Twilio has it from then
/// on) and answers only after <see cref="AnswerDelay"/>, so a server killed meanwhile never hears back; the message
/// list finds them by number, as a lost hand-over is looked up. Credentials are not checked (the kill tests are about
/// the hand-over, the WireMock fake covers authentication).
/// </summary>
public sealed class RecordingTwilio : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Created(string Sid, string To, string Body, DateTimeOffset At);

    public ConcurrentQueue<Created> Messages { get; } = new();

    public TimeSpan AnswerDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public string BaseUrl { get; }

    private RecordingTwilio(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public static async Task<RecordingTwilio> StartAsync(TimeSpan answerDelay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        RecordingTwilio? fake = null;
        app.MapGet("/2010-04-01/Accounts/{sid}.json", (string sid) => Results.Json(new { sid, status = "active" }));
        app.MapGet("/2010-04-01/Accounts/{sid}/IncomingPhoneNumbers.json", (string? phoneNumber) =>
            Results.Json(new { incoming_phone_numbers = new[] { new { phone_number = phoneNumber } } }));
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var created = new Created("SM" + Guid.NewGuid().ToString("N"), form["To"].ToString(), form["Body"].ToString(), DateTimeOffset.UtcNow);
            fake!.Messages.Enqueue(created);
            await Task.Delay(answerDelay);
            return Results.Json(new { sid = created.Sid, status = "queued" }, statusCode: 201);
        });
        app.MapGet("/2010-04-01/Accounts/{sid}/Messages.json", (string to) => Results.Json(new
        {
            messages = fake!.Messages.Where(m => m.To == to).Select(m => new { sid = m.Sid, to = m.To, body = m.Body, date_created = m.At.ToString("r") }),
        }));
        await app.StartAsync();
        fake = new RecordingTwilio(app, app.Urls.First()) { AnswerDelay = answerDelay };
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
