using System.Diagnostics;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>A signed Twilio STOP seen by an in-memory exporter: one trace from the request to the decision and its ledger write, and the counters moved.</summary>
public sealed class TraceAndCounterTests
{
    [Fact]
    public async Task A_stop_is_one_trace_from_the_webhook_to_the_decision_and_the_ledger_and_counts_a_decision_and_an_opt_out()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:Telemetry:Enabled"] = "true" },
            services: s => s
                .ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(metrics)));
        var account = await TestAccount.CreateAsync(app);
        await account.CreateContactAsync(new { phone = "+15550716001" });

        await Twilio.InboundAsync(app, account, "+15550716001", "STOP");

        var request = await Eventually.MatchAsync(() => Task.FromResult(Snapshot(spans).FirstOrDefault(s =>
            s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string path && path == $"/webhooks/twilio/{account.Id}/sms")), s => s is not null, "the request span");
        var trace = Snapshot(spans).Where(s => s.TraceId == request!.TraceId).ToList();
        var decision = trace.Should().ContainSingle(s => s.OperationName == "dnd.consent.decision").Subject;
        decision.GetTagItem("dnd.rule").Should().Be("InboundOptOutKeyword");
        decision.GetTagItem("dnd.channel").Should().Be("SMS");
        decision.GetTagItem("dnd.verdict").Should().Be("applied");
        decision.GetTagItem("dnd.source").Should().Be("inbound");
        var ledger = trace.Should().ContainSingle(s => s.OperationName == "dnd.ledger.write").Subject;
        ledger.ParentSpanId.Should().Be(decision.SpanId, "the ledger line is written for that decision");

        app.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
        // Cumulative, and the meter is the process's: other tests' servers may have counted too, so at least one.
        Sum(metrics, "dnd.decisions", ("rule", "InboundOptOutKeyword"), ("verdict", "applied")).Should().BeGreaterThanOrEqualTo(1);
        Sum(metrics, "dnd.optouts", ("channel", "SMS"), ("source", "inbound")).Should().BeGreaterThanOrEqualTo(1);
        Sum(metrics, "dnd.webhook.duration", ("provider", "twilio"), ("result", "accepted")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_bad_signature_counts_as_a_rejection_and_an_unsubscribe_token_never_reaches_a_span()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:Telemetry:Enabled"] = "true" },
            services: s => s
                .ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(metrics)));
        var account = await TestAccount.CreateAsync(app);
        const string token = "c2VjcmV0LXRva2VuLXZhbHVl.c2lnbmF0dXJl";

        var forged = await Twilio.PostAsync(app, account, "sms", new() { ["MessageSid"] = "SM1", ["From"] = "+15550716002", ["Body"] = "hi" }, token: "not-the-token");
        await app.CreateClient().GetAsync($"/unsubscribe/{token}");

        ((int)forged.StatusCode).Should().Be(403);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
        Sum(metrics, "dnd.webhook.rejections", ("provider", "twilio"), ("reason", "signature")).Should().BeGreaterThanOrEqualTo(1);
        var page = await Eventually.MatchAsync(() => Task.FromResult(Snapshot(spans).FirstOrDefault(s =>
            s.Kind == ActivityKind.Server && s.GetTagItem("http.route") is "/unsubscribe/{token}")), s => s is not null, "the unsubscribe page's span");
        page!.GetTagItem("url.path").Should().Be("/unsubscribe/{token}");
        Snapshot(spans).SelectMany(s => s.TagObjects).Where(t => t.Value?.ToString()?.Contains(token) == true).Should().BeEmpty();
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    /// <summary>The latest export's sum (or histogram count) over the points carrying all the tags.</summary>
    private static double Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags)
    {
        var metric = metrics.LastOrDefault(m => m.Name == name);
        metric.Should().NotBeNull($"{name} is exported");
        double total = 0;
        foreach (ref readonly var point in metric!.GetMetricPoints())
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }
            if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
            {
                total += metric.MetricType switch
                {
                    MetricType.LongSum => point.GetSumLong(),
                    MetricType.Histogram => point.GetHistogramCount(),
                    _ => point.GetSumDouble(),
                };
            }
        }
        return total;
    }
}
