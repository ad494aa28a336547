using System.Diagnostics;
using System.Net.Http.Json;
using Dnd.Crm.Delivery;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Dnd.Host.Tests.Meta;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>
/// The trace crosses the database: a STOP's trigger row starts a workflow on the worker, whose Delay's bookmark the timer
/// resumes, whose Send queues a WhatsApp message the outbox hands to Twilio later, and each of those spans is in the webhook
/// request's trace (the rows carry its traceparent). So is an opt-out's confirmation that leaves through the outbox.
/// </summary>
public sealed class WorkerTraceTests
{
    private const string Sender = "+15550002222";

    [Fact]
    public async Task A_stop_is_one_trace_from_the_webhook_through_the_workflow_timer_and_step_to_the_hand_over_at_twilio()
    {
        var spans = new List<Activity>();
        using var twilio = new TwilioFake();
        await using var app = new DndApp(
            settings: twilio.Settings.Append(new("Dnd:Telemetry:Enabled", "true")).Append(new("Dnd:Messaging:PollInterval", "01:00:00"))
                .Append(new("Dnd:Messaging:DefaultSendingWindow", "always")).ToDictionary(),
            services: s => s.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans)));
        var account = await ConnectedAsync(app, twilio);
        const string phone = "+15550716101";
        await PublishAsync(account, Definition("goodbye",
            [Activity("trigger", "DndChangedTrigger", new { channel = "SMS", state = "on" }), Activity("wait", "Delay", new { duration = "1" }),
                Activity("hello", "Send", new { channel = "WhatsApp", body = "Still here on WhatsApp" })],
            [Connect("trigger", "Done", "wait"), Connect("wait", "Done", "hello")]));
        var contact = (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;

        var stop = await Twilio.InboundAsync(app, account, phone, "STOP");
        // An SMS STOP's one confirmation is the webhook's own answer (TwiML): it leaves inside the request's span, with no hand-over.
        (await stop.Content.ReadAsStringAsync()).Should().Contain("<Message>");

        // The worker runs the workflow (woken by the trigger's commit); the outbox is passed by hand, from this test's own context.
        await Eventually.MatchAsync(() => InstancesAsync(account, contact), i => i.GetArrayLength() == 1 && Status(i[0]) == "Finished", "the STOP's workflow to run");
        await Eventually.MatchAsync(async () =>
        {
            await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
            return twilio.SentMessages.Count(m => m.TryGetValue("To", out var to) && to == "whatsapp:" + phone);
        }, n => n == 1, "the workflow's WhatsApp to reach Twilio");
        var request = Snapshot(spans).Single(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string path && path == $"/webhooks/twilio/{account.Id}/sms");
        var trace = Snapshot(spans).Where(s => s.TraceId == request.TraceId).ToList();

        trace.Should().Contain(s => s.OperationName == "dnd.workflow.trigger", "the worker claimed the STOP's trigger in its trace");
        var timer = trace.Should().ContainSingle(s => s.OperationName == "dnd.workflow.timer", "the Delay's bookmark kept the STOP's trace for its timer").Subject;
        trace.Should().ContainSingle(s => s.OperationName == "dnd.workflow.step" && (string?)s.GetTagItem("dnd.activity") == "Send" && s.ParentSpanId == timer.SpanId,
            "the Send step ran after the timer, in the STOP's trace");
        var handover = trace.Should().ContainSingle(s => s.OperationName == "dnd.outbox.handover" && (string?)s.GetTagItem("dnd.channel") == "WhatsApp",
            "the message the workflow's step queued left in the STOP's trace").Subject;
        trace.Should().Contain(s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http" && s.ParentSpanId == handover.SpanId,
            "the call to Twilio is the hand-over's child");
    }

    [Fact]
    public async Task A_WhatsApp_stop_through_Meta_has_its_confirmation_handed_over_in_the_stops_trace()
    {
        var spans = new List<Activity>();
        using var meta = new MetaFake();
        await using var app = new DndApp(
            settings: meta.Settings.Append(new("Dnd:Telemetry:Enabled", "true")).Append(new("Dnd:Messaging:PollInterval", "01:00:00")).ToDictionary(),
            services: s => s.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans)));
        var c = await MetaFixture.ConnectedAsync(app, meta);
        await c.Account.CreateContactAsync(new { phone = "+15550716301" });

        // Meta's webhook has no reply of its own (Twilio's has: the confirmation of an SMS STOP is the webhook's answer), so the
        // confirmation is queued in the STOP's write and leaves through the outbox.
        await MetaWebhook.ReceiveAsync(app, c.Account.Id, c.AppSecret, MetaWebhook.WhatsApp("15550716301", "STOP"));
        await Eventually.MatchAsync(async () =>
        {
            await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
            return meta.Sent.Count(m => m.Body.TryGetProperty("to", out var to) && to.GetString() == "15550716301");
        }, n => n == 1, "the STOP's confirmation to reach Meta");

        var request = Snapshot(spans).Single(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string path && path == $"/webhooks/meta/{c.Account.Id}");
        var trace = Snapshot(spans).Where(s => s.TraceId == request.TraceId).ToList();
        var handover = trace.Should().ContainSingle(s => s.OperationName == "dnd.outbox.handover" && (string?)s.GetTagItem("dnd.channel") == "WhatsApp",
            "the confirmation the STOP queued left in the STOP's trace").Subject;
        trace.Should().Contain(s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http" && s.ParentSpanId == handover.SpanId,
            "the call to Meta is the hand-over's child");
    }

    private static async Task<TestAccount> ConnectedAsync(DndApp app, TwilioFake twilio)
    {
        var account = await TestAccount.CreateAsync(app);
        var (sid, token) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"));
        twilio.Account(sid, token, numbers: [Sender]);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, senderNumbers = new[] { Sender } }), 200);
        // The integration's token verifies the account's webhooks from now on.
        return new TestAccount { Id = account.Id, ApiKey = account.ApiKey, Client = account.Client, TwilioToken = token, MailgunKey = account.MailgunKey };
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }
}
