using Dnd.Host.Telemetry;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>
/// The server's own OTLP exporter, configured as an operator would (endpoint, protocol, the standard interval
/// variables), sends a STOP's trace and the Dnd metrics to a receiver speaking that protocol: OTLP/HTTP, and OTLP/gRPC,
/// the default.
/// </summary>
public sealed class OtlpExportTests
{
    [Theory]
    [InlineData(TelemetryOptions.HttpProtobuf)]
    [InlineData(TelemetryOptions.Grpc)]
    public async Task A_stop_reaches_an_OTLP_receiver_as_one_trace_of_the_service_and_the_Dnd_metrics_follow(string protocol)
    {
        await using var receiver = new OtlpReceiver(protocol);
        await using var app = new DndApp(settings: new Dictionary<string, string>
        {
            ["Dnd:Telemetry:OtlpEndpoint"] = receiver.Endpoint.ToString(),
            ["Dnd:Telemetry:OtlpProtocol"] = protocol,
            // The SDK reads these from the app's configuration (its defaults are 5 s and 60 s): the test need not wait.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        var account = await TestAccount.CreateAsync(app);
        await account.CreateContactAsync(new { phone = "+15550716201" });

        await Twilio.InboundAsync(app, account, "+15550716201", "STOP");

        // The Dnd source and meter are the process's, so this exporter may carry other tests' servers' spans too: this request is found by its path.
        var webhook = $"/webhooks/twilio/{account.Id}/sms";
        var request = await Eventually.MatchAsync(() => Task.FromResult(Exported(receiver, OtlpReceiver.Traces).SelectMany(OtlpPayload.Spans)
                .FirstOrDefault(s => s.Attributes.GetValueOrDefault("url.path") == webhook)),
            s => s is not null, "the STOP's request span at the receiver", timeoutMs: 8_000);
        // The decision's and the ledger's spans end before the request's, so they may have left in an earlier export.
        var trace = Exported(receiver, OtlpReceiver.Traces).SelectMany(OtlpPayload.Spans).Where(s => s.TraceId == request!.TraceId).Select(s => s.Name).ToList();
        trace.Should().Contain(["dnd.consent.decision", "dnd.ledger.write"], "the decision and its ledger line are in the request's trace");
        Exported(receiver, OtlpReceiver.Traces).SelectMany(OtlpPayload.ServiceNames).Should().NotBeEmpty()
            .And.OnlyContain(name => name == typeof(Program).Assembly.GetName().Name, "every export names the service");
        await Eventually.MatchAsync(() => Task.FromResult(Exported(receiver, OtlpReceiver.Metrics).SelectMany(OtlpPayload.MetricNames).ToHashSet()),
            names => names.Contains("dnd.webhook.duration") && names.Contains("dnd.decisions"), "the Dnd metrics at the receiver", timeoutMs: 8_000);
        // The first collections run while the database is still being prepared: the gauges wait for it rather than fail.
        app.Errors.Snapshot().Should().BeEmpty();
    }

    private static IEnumerable<byte[]> Exported(OtlpReceiver receiver, string path) => receiver.Received.Where(e => e.Path == path).Select(e => e.Body);
}
