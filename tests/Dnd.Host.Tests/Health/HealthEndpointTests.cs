using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Fuzz;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Health;

/// <summary>
/// The probes. Our background services are removed so nothing drains what a test puts in the queues: an overdue item
/// stays overdue until the test itself takes it away, which makes the lag deterministic.
/// </summary>
public sealed class HealthEndpointSqliteTests() : HealthEndpointTests(postgres: null);

[Collection(PostgresCollection.Name)]
public sealed class HealthEndpointPostgresTests(PostgresServer postgres) : HealthEndpointTests(postgres.NewDatabase());

public abstract class HealthEndpointTests(string? postgres) : IAsyncLifetime
{
    private readonly DndApp _app = new(postgres: postgres, settings: new Dictionary<string, string> { ["Dnd:Health:MaxJobLag"] = "00:10:00" }, services: services =>
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && FuzzApp.IsOurs(d)).ToList())
        {
            services.Remove(hosted);
        }
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    public async Task Live_and_its_alias_answer_ok_to_anyone(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);

        await Http.EnsureAsync(response, 200);
        (await Http.JsonAsync(response)).GetProperty("status").GetString().Should().Be("ok");
    }

    [Fact]
    public async Task Ready_is_200_with_every_check_and_what_it_measured_when_nothing_is_behind()
    {
        var response = await _app.CreateClient().GetAsync("/health/ready");

        await Http.EnsureAsync(response, 200);
        var body = await Http.JsonAsync(response);
        body.GetProperty("status").GetString().Should().Be("ready");
        Checks(body).Select(c => (c.Name, c.Healthy)).Should().Equal(
            ("database", true), ("migrations", true), ("outbox", true), ("workflows", true), ("jobs", true), ("webhooks", true), ("suppression-removals", true));
        Checks(body).Single(c => c.Name == "migrations").Value.Should().Be("none pending");
        Checks(body).Single(c => c.Name == "outbox").Threshold.Should().Be("120 s");
    }

    [Fact]
    public async Task Ready_is_503_naming_each_queue_whose_oldest_due_item_waited_past_its_threshold_and_200_once_it_is_taken()
    {
        var account = await TestAccount.CreateAsync(_app);
        var contact = (await account.CreateContactAsync(new { phone = "+15551610001" })).GetProperty("id").GetString()!;
        var now = DateTimeOffset.UtcNow;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            // Queued an hour ago and due since: the dispatcher should have claimed it long ago.
            db.Messages.Add(new MessageRecord
            {
                Id = "msg-overdue", AccountId = account.Id, ContactId = contact, Channel = "SMS", Direction = "outbound",
                Status = MessageStatus.Queued, CreatedAt = now.AddHours(-1),
            });
            // Waiting for later (quiet hours): not due, so no lag however old.
            db.Messages.Add(new MessageRecord
            {
                Id = "msg-waiting", AccountId = account.Id, ContactId = contact, Channel = "SMS", Direction = "outbound",
                Status = MessageStatus.Queued, CreatedAt = now.AddDays(-1), NotBefore = now.AddHours(1),
            });
            db.PendingTriggers.Add(new PendingTriggerRecord { Id = "trigger-overdue", AccountId = account.Id, ContactId = contact, Kind = "test", CreatedAt = now.AddMinutes(-10) });
            db.Add(new JobRecord
            {
                Id = "job-overdue", AccountId = account.Id, Kind = "bulk-dnd", ParametersJson = "{}", ActedBy = "test", Status = JobStatus.Queued,
                CreatedAt = now.AddMinutes(-20),
            });
            await db.SaveChangesAsync();
        }

        var response = await _app.CreateClient().GetAsync("/health/ready");

        await Http.EnsureAsync(response, 503);
        var body = await Http.JsonAsync(response);
        body.GetProperty("status").GetString().Should().Be("not ready");
        var failing = Checks(body).Where(c => !c.Healthy).ToList();
        failing.Select(c => c.Name).Should().Equal("outbox", "workflows", "jobs");
        Seconds(failing[0].Value).Should().BeInRange(3600, 3660, "the overdue message came due an hour ago; the one waiting for later is not due");
        Seconds(failing[1].Value).Should().BeInRange(600, 660);
        failing[1].Threshold.Should().Be("120 s");
        (Seconds(failing[2].Value), failing[2].Threshold).Should().Match<(double Lag, string? Threshold)>(j => j.Lag >= 1200 && j.Threshold == "600 s",
            "the job's threshold is the configured Dnd:Health:MaxJobLag");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            await db.Messages.Where(m => m.Id == "msg-overdue").ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sent));
            await db.PendingTriggers.Where(t => t.Id == "trigger-overdue").ExecuteDeleteAsync();
            await db.Set<JobRecord>().Where(j => j.Id == "job-overdue").ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Completed));
        }
        await Http.EnsureAsync(await _app.CreateClient().GetAsync("/health/ready"), 200);
    }

    [Fact]
    public async Task Ready_is_503_naming_the_webhook_and_suppression_removal_backlogs_whose_oldest_due_item_waited_past_its_threshold()
    {
        var account = await TestAccount.CreateAsync(_app);
        var unconnected = await TestAccount.CreateAsync(_app);
        var now = DateTimeOffset.UtcNow;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            // Due half an hour ago, first of its contact's: the dispatcher should have sent it long ago.
            db.WebhookDeliveries.Add(Delivery(account.Id, "contact-a", now.AddMinutes(-30)));
            await db.SaveChangesAsync();
            // Not due, however old: behind the same contact's earlier delivery, or being sent (leased) right now.
            db.WebhookDeliveries.Add(Delivery(account.Id, "contact-a", now.AddHours(-2)));
            db.WebhookDeliveries.Add(Delivery(account.Id, "contact-b", now.AddHours(-3), leaseUntil: now.AddMinutes(1)));
            // The account's Mailgun (a row made with the account, its webhook key only) marked connected; the other's stays not connected.
            await db.Integrations.Where(i => i.AccountId == account.Id && i.Provider == Dnd.Crm.Integrations.IntegrationProviders.Mailgun)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, Dnd.Crm.Integrations.IntegrationStatus.Connected));
            db.SuppressionRemovals.Add(Removal(account.Id, now.AddMinutes(-20)));
            // Waiting for its account to connect a Mailgun: not due, however old.
            db.SuppressionRemovals.Add(Removal(unconnected.Id, now.AddHours(-5)));
            await db.SaveChangesAsync();
        }

        var response = await _app.CreateClient().GetAsync("/health/ready");

        await Http.EnsureAsync(response, 503);
        var failing = Checks(await Http.JsonAsync(response)).Where(c => !c.Healthy).ToList();
        failing.Select(c => (c.Name, c.Threshold)).Should().Equal(("webhooks", "300 s"), ("suppression-removals", "600 s"));
        Seconds(failing[0].Value).Should().BeInRange(1800, 1860, "the delivery due half an hour ago; the ones not due are not counted");
        Seconds(failing[1].Value).Should().BeInRange(1200, 1260, "the removal due 20 minutes ago; the one waiting for a connect is not counted");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            await db.WebhookDeliveries.Where(d => d.AccountId == account.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, Dnd.Crm.Subscriptions.WebhookDeliveryStatus.Delivered));
            await db.SuppressionRemovals.Where(r => r.AccountId == account.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Dnd.Crm.Suppressions.SuppressionRemovalStatus.Done));
        }
        await Http.EnsureAsync(await _app.CreateClient().GetAsync("/health/ready"), 200);
    }

    private static WebhookDeliveryRecord Delivery(string accountId, string subject, DateTimeOffset due, DateTimeOffset? leaseUntil = null) => new()
    {
        SubscriptionId = "sub-lagging", AccountId = accountId, Subject = subject, Event = "ContactDndUpdate", Body = "{}", CreatedAt = due,
        Status = Dnd.Crm.Subscriptions.WebhookDeliveryStatus.Pending, NextAttemptAt = due, LeaseUntil = leaseUntil,
    };

    private static SuppressionRemovalRecord Removal(string accountId, DateTimeOffset due) => new()
    {
        Id = Guid.NewGuid().ToString("N"), AccountId = accountId, ContactId = "contact-r", Address = "r@example.com",
        Status = Dnd.Crm.Suppressions.SuppressionRemovalStatus.Pending, CreatedAt = due, NextAttemptAt = due,
    };

    private sealed record Check(string Name, bool Healthy, string Value, string? Threshold);

    private static List<Check> Checks(JsonElement body) => body.GetProperty("checks").EnumerateArray().Select(c => new Check(
        c.GetProperty("name").GetString()!, c.GetProperty("healthy").GetBoolean(), c.GetProperty("value").GetString()!,
        c.TryGetProperty("threshold", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)).ToList();

    private static double Seconds(string value) => double.Parse(value.TrimEnd(' ', 's'), System.Globalization.CultureInfo.InvariantCulture);
}
