using System.Diagnostics;
using System.Net.Http.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Crm.Suppressions;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Integrations;

/// <summary>
/// A graceful stop in the middle of a suppression removal pass: the removal under way runs to Mailgun's answer, which is
/// recorded; the one held behind it is handed back, so the next server does it at once, not after the two-minute hold.
/// </summary>
public sealed class SuppressionRemoverStopTests
{
    [Fact]
    public async Task A_stop_mid_removal_records_the_one_under_way_and_the_next_server_does_the_rest_at_once_each_exactly_once()
    {
        using var mailgun = new MailgunFake();
        var settings = mailgun.Settings.ToDictionary();
        await using var first = new DndApp(settings: settings);
        var account = await TestAccount.CreateAsync(first);
        var (domain, key) = ($"mg{Guid.NewGuid():N}.example.com", "key-" + Guid.NewGuid().ToString("N"));
        mailgun.Domain(domain, key);
        // Slow enough that the stop comes while the first removal's calls are under way.
        mailgun.DelayRemovals(domain, TimeSpan.FromSeconds(2));
        var addresses = new[] { $"a{Guid.NewGuid():N}@example.com", $"b{Guid.NewGuid():N}@example.com" };
        foreach (var address in addresses)
        {
            var contact = (await account.CreateContactAsync(new { email = address })).GetProperty("id").GetString()!;
            await Http.EnsureAsync(await Mailgun.PostAsync(first, account, address, "failed", "permanent", "bounce", signedAt: DateTimeOffset.UtcNow), 200);
            await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{contact}",
                new { dndSettings = new Dictionary<string, object> { ["Email"] = new { status = "inactive", message = "Confirmed by phone" } } }), 200);
        }
        // Both lifts wait for a Mailgun; connected, one pass (woken as a lift's commit wakes it) holds both.
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain, apiKey = key }), 200);
        first.Services.GetRequiredService<SuppressionRemovals>().Signal.Pulse();
        await Eventually.MatchAsync(() => RemovalsAsync(first, account), rows => rows.Count == 2 && rows.All(r => r.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(1)),
            "both removals held by the pass", timeoutMs: 5_000);
        await Eventually.MatchAsync(() => Task.FromResult(mailgun.Removals.Count), n => n >= 1, "the first removal's first call", timeoutMs: 5_000);

        await first.DisposeAsync();

        var stopped = await RemovalsAsync(first, account);
        stopped.Select(r => (r.Address, r.Status, r.Attempts)).Should().Equal([(addresses[0], SuppressionRemovalStatus.Done, 1), (addresses[1], SuppressionRemovalStatus.Pending, 0)],
            "the removal under way ran to Mailgun's answer and was recorded; the one behind it was never begun");
        stopped[1].NextAttemptAt.Should().BeBefore(DateTimeOffset.UtcNow, "handed back on the stop, not held for two minutes");

        var restarted = Stopwatch.StartNew();
        await using var second = new DndApp(databasePath: first.DatabasePath, workflowsFolder: first.WorkflowsFolder, settings: settings);
        second.CreateClient().Dispose();
        await Eventually.MatchAsync(() => RemovalsAsync(second, account), rows => rows.All(r => r.Status == SuppressionRemovalStatus.Done),
            "the next server to do the removal handed back", timeoutMs: 15_000);
        restarted.Elapsed.Should().BeLessThan(SuppressionRemover.Lease / 4);
        foreach (var address in addresses)
        {
            mailgun.Removals.Where(p => p.EndsWith("/" + address)).Should().BeEquivalentTo([$"/v3/{domain}/bounces/{address}", $"/v3/{domain}/unsubscribes/{address}"],
                "each list's removal is asked for exactly once");
        }
        (await RemovalsAsync(second, account)).Select(r => r.Attempts).Should().Equal(1, 1);
    }

    private static async Task<List<SuppressionRemovalRecord>> RemovalsAsync(DndApp app, TestAccount account)
    {
        await using var db = new DndDbContext(new DbContextOptionsBuilder<DndDbContext>().UseSqlite($"Data Source={app.DatabasePath}").Options);
        return (await db.SuppressionRemovals.AsNoTracking().Where(r => r.AccountId == account.Id).ToListAsync()).OrderBy(r => r.CreatedAt).ToList();
    }
}
