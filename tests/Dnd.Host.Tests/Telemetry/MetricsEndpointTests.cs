using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>/metrics: absent by default; when Dnd:Telemetry:Prometheus is on, Prometheus text behind the admin key.</summary>
public sealed class MetricsEndpointTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task It_is_not_served_when_off()
    {
        var response = await shared.App.CreateClient().GetAsync("/metrics");

        ((int)response.StatusCode).Should().Be(404);
        shared.App.Services.GetService<TracerProvider>().Should().BeNull("with no exporter nothing listens: no provider, no instrumentation");
        shared.App.Services.GetService<MeterProvider>().Should().BeNull();
    }

    [Fact]
    public async Task When_on_it_wants_the_admin_key_and_lists_the_domain_metrics()
    {
        await using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:Telemetry:Prometheus"] = "true" });
        var account = await TestAccount.CreateAsync(app);
        await account.CreateContactAsync(new { phone = "+15550716101" });
        await Twilio.InboundAsync(app, account, "+15550716101", "STOP");
        var client = app.CreateClient();

        var none = await Http.ProblemAsync(await client.GetAsync("/metrics"), 401);
        none.GetProperty("detail").GetString().Should().Contain("X-Admin-Key");
        client.DefaultRequestHeaders.Add("X-Admin-Key", "wrong");
        await Http.ProblemAsync(await client.GetAsync("/metrics"), 401);
        client.DefaultRequestHeaders.Remove("X-Admin-Key");
        client.DefaultRequestHeaders.Add("X-Admin-Key", DndApp.AdminKey);
        var scrape = await client.GetAsync("/metrics");

        ((int)scrape.StatusCode).Should().Be(200);
        scrape.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await scrape.Content.ReadAsStringAsync();
        text.Should().Contain("dnd_optouts_total{").And.Contain("channel=\"SMS\"").And.Contain("source=\"inbound\"")
            .And.Contain("dnd_decisions_total{").And.Contain("rule=\"InboundOptOutKeyword\"")
            .And.Contain("dnd_webhook_duration_seconds_bucket{")
            .And.Contain("dnd_outbox_depth").And.Contain("dnd_workflow_instances");
        text.Should().NotContain(account.Id, "no metric is tagged by an account, contact or message");
    }
}
