using Dnd.Crm.Persistence;
using Dnd.Shared.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Imports;

/// <summary>
/// Deletes the files of imports nobody applied within <see cref="ImportOptions.Retention"/>: an abandoned upload must
/// not keep its contacts' personal data for ever. Every host sweeps; each import is expired in its account's write,
/// re-checked there, so two hosts (or an apply that just started) cannot both act on it.
/// </summary>
public sealed class ImportRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ImportOptions> options, ILogger<ImportRetention> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkerLoop.RunAsync(async ct =>
            {
                await ExpireAsync(clock.GetUtcNow() - options.Value.Retention, ct);
                await Task.Delay(options.Value.SweepInterval, clock, ct);
            },
            e => logger.LogError(e, "Import retention sweep failed; retrying"), options.Value.SweepInterval, clock, stoppingToken);

    /// <summary>Expires every import not applied and unchanged since <paramref name="unchangedSince"/> that still has its file.</summary>
    /// <returns>The imports expired.</returns>
    public async Task<int> ExpireAsync(DateTimeOffset unchangedSince, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var due = await db.Imports.AsNoTracking()
            .Where(i => i.Status != ImportStatus.Applied && i.UpdatedAt < unchangedSince && db.ImportChunks.Any(c => c.ImportId == i.Id))
            .Select(i => new { i.Id, i.AccountId }).ToListAsync(ct);
        var expired = 0;
        foreach (var import in due)
        {
            await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(import.AccountId, ct);
            var row = await db.Imports.SingleAsync(i => i.Id == import.Id, ct);
            if (row.Status == ImportStatus.Applied || row.UpdatedAt >= unchangedSince)
            {
                continue; // applied or resumed since the query
            }
            await StoredImportFile.DeleteAsync(db, row.Id, ct);
            // A failed upload stays failed (it says where it broke off); anything else can no longer be applied.
            row.Status = row.Status == ImportStatus.Failed ? ImportStatus.Failed : ImportStatus.Expired;
            row.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            db.ChangeTracker.Clear();
            expired++;
        }
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} imports not applied within the retention: their files are deleted", expired);
        }
        return expired;
    }
}
