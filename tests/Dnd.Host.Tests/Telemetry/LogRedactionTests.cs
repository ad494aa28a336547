using System.Net.Http.Json;
using Dnd.Crm.Delivery;
using Dnd.Crm.Integrations;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Rules.Consent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>
/// Everything the server logs, at Information and up for every category (stricter than the shipped settings), over an
/// inbound text, a STOP, an outbox send and a failed one: no body, token, key or full address, and the outbox's lines
/// carry the account, contact and message ids as scope fields.
/// </summary>
public sealed class LogRedactionTests
{
    private const string Phone = "+15550716201";
    private const string Email = "tele.log.9931@example.com";
    private const string InboundBody = "zebra-inbound-4471 hello there";
    private const string SentBody = "zebra-outbound-9911 sale";
    private const string FailedBody = "zebra-failing-5523 sale";

    [Fact]
    public async Task No_log_line_or_scope_holds_a_body_a_token_or_a_full_address()
    {
        var logs = new LogCapture();
        var transport = new FailingTransport();
        await using var app = new DndApp(
            settings: new Dictionary<string, string>
            {
                // The production shape: JSON logs, with the webhook's account scope.
                ["Dnd:Logging:Json"] = "true",
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
            },
            services: s => s.AddSingleton<ILoggerProvider>(logs).AddSingleton<IMessageTransport>(transport).AddSingleton<IStartupFilter, LogEveryRequest>());
        var account = await TestAccount.CreateAsync(app);
        var contact = (await account.CreateContactAsync(new { phone = Phone, email = Email })).GetProperty("id").GetString()!;

        await Twilio.InboundAsync(app, account, Phone, InboundBody);
        var sent = await QueueAsync(account, contact, "Email", SentBody);
        var failed = await QueueAsync(account, contact, "Email", FailedBody);
        // The failure is logged with its ids as fields (the line comes just after the transport throws).
        await Eventually.MatchAsync(() => Task.FromResult(logs.Lines.Any(l => l.Contains("Hand-over of message") && l.Contains($"MessageId={failed}")
            && l.Contains($"ContactId={contact}") && l.Contains($"AccountId={account.Id}"))), found => found, "the hand-over failure's log line");
        await Eventually.MatchAsync(() => Task.FromResult(transport.Tried.Contains(sent)), tried => tried, "the good hand-over");
        await Twilio.InboundAsync(app, account, Phone, "STOP");
        // An unsubscribe link's path is its token: a line logged while it is served must not carry it.
        var token = app.Services.GetRequiredService<Dnd.Crm.Messaging.UnsubscribeTokens>().Create(new Dnd.Crm.Messaging.UnsubscribeClaim(account.Id, contact, sent));
        await Http.EnsureAsync(await app.CreateClient().GetAsync($"/unsubscribe/{token}"), 200);

        var lines = logs.Lines.ToList();
        lines.Should().Contain(l => l.Contains("Executing endpoint 'HTTP: POST /webhooks/twilio/{accountId}/sms") && l.Contains($"AccountId={account.Id}"),
            "a webhook's lines carry its account id as a field");
        lines.Should().NotContain(l => l.Contains("RequestPath="), "the framework's request scope (whose path can be a link's token) is off");
        lines.Should().Contain(l => l.Contains(LogEveryRequest.Line + " /unsubscribe"), "the unsubscribe request logged a line");
        string[] secrets = [Phone, Phone[2..], Email, InboundBody, SentBody, FailedBody, "zebra", account.TwilioToken, account.MailgunKey, account.ApiKey,
            DndApp.AdminKey, token];
        foreach (var secret in secrets)
        {
            lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty($"no log line may hold \"{secret}\"");
        }
    }

    private static async Task<string> QueueAsync(TestAccount account, string contactId, string type, string body)
    {
        var response = await account.Client.PostAsJsonAsync("/conversations/messages", new { type, contactId, message = body, subject = "Sale" });
        await Http.EnsureAsync(response, 200);
        return (await Http.JsonAsync(response)).GetProperty("messageId").GetString()!;
    }

    /// <summary>Logs one line inside every request (its path with the token's segment cut), as any code on a request's path may.</summary>
    private sealed class LogEveryRequest(ILoggerFactory loggers) : IStartupFilter
    {
        public const string Line = "served request";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var logger = loggers.CreateLogger("Test.Requests");
            app.Use(async (http, then) =>
            {
                await then(http);
                logger.LogInformation("{Line} {Area}", Line, "/" + http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
            });
            next(app);
        };
    }

    /// <summary>Accepts every message but the failing one, whose hand-over throws (a transport's own fault).</summary>
    private sealed class FailingTransport : IMessageTransport
    {
        private sealed record Connection() : ProviderConnection("fake");

        public System.Collections.Concurrent.ConcurrentBag<string> Tried { get; } = [];

        public Task<ConnectionLookup> RouteAsync(IServiceProvider scope, string accountId, Channel channel, CancellationToken ct) =>
            Task.FromResult(new ConnectionLookup(new Connection(), null, false));

        public Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
        {
            Tried.Add(letter.MessageId);
            return letter.Body.Contains(FailedBody)
                ? throw new InvalidOperationException("the fake provider broke")
                : Task.FromResult(DeliveryOutcome.Accepted("fake-" + letter.MessageId));
        }

        public Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) =>
            Task.FromResult(HandOverLookup.NotFound);
    }
}
