using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Caching;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// Published workflow versions. A version never changes once written, so parsed definitions are cached forever;
/// publishing identical content again returns the existing version instead of minting a new one.
/// </summary>
public sealed class DefinitionStore(IServiceScopeFactory scopes, ActivityRegistry registry, TimeProvider clock, IOptions<WorkflowWorkerOptions> options)
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _cache = new();

    // Which version is the latest, by id: read by every enrolment. A publish here drops it; another server's publish
    // is seen when the copy expires (an enrolment in between starts the version before, as one racing the publish would).
    private readonly ExpiringCache<string, WorkflowDefinitionRecord> _latest = new(4096, TimeSpan.FromSeconds(5));

    /// <exception cref="WorkflowValidationException">The definition cannot run.</exception>
    /// <exception cref="WorkflowOwnershipException">The id belongs to another account, or is a shared definition.</exception>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition, string source, string? ownerAccountId, CancellationToken ct = default)
    {
        var errors = DefinitionValidator.Validate(definition, registry, options.Value.MinimumLoopWait);
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(errors);
        }
        var json = WorkflowJson.Serialize(definition with { Version = 0 });
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        for (var attempt = 0; ; attempt++)
        {
            var latest = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definition.Id)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
            if (latest is not null && latest.OwnerAccountId != ownerAccountId)
            {
                throw new WorkflowOwnershipException(definition.Id);
            }
            if (latest?.ContentHash == hash)
            {
                return Cache(latest);
            }
            if (latest is not null)
            {
                latest.IsLatest = false;
            }
            var record = new WorkflowDefinitionRecord
            {
                DefinitionId = definition.Id,
                Version = (latest?.Version ?? 0) + 1,
                Name = definition.Name,
                Json = json,
                ContentHash = hash,
                IsLatest = true,
                Source = source,
                OwnerAccountId = ownerAccountId,
                PublishedAt = clock.GetUtcNow(),
            };
            db.WorkflowDefinitions.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                _latest.Invalidate(definition.Id);
                return Cache(record);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another replica published the same version number first; re-read and go again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Publishes every *.json in a folder; files that fail validation are reported, the rest still load.</summary>
    public async Task<IReadOnlyList<string>> LoadFolderAsync(string folder, CancellationToken ct = default)
    {
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            return problems;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            try
            {
                await PublishAsync(WorkflowJson.Parse(await File.ReadAllTextAsync(file, ct)), $"file:{Path.GetFileName(file)}", null, ct);
            }
            catch (WorkflowValidationException e)
            {
                problems.Add($"{Path.GetFileName(file)}: {string.Join("; ", e.Errors)}");
            }
            catch (WorkflowOwnershipException e)
            {
                problems.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>A version (the latest when null) of any definition, whoever owns it: for running existing instances.</summary>
    public Task<WorkflowDefinition?> GetAsync(string id, int? version = null, CancellationToken ct = default) =>
        FindAsync(id, version, visibleTo: null, ct);

    /// <summary>A definition the account may use, or null when it does not exist or is another account's.</summary>
    public Task<WorkflowDefinition?> GetVisibleAsync(string accountId, string id, int? version = null, CancellationToken ct = default) =>
        FindAsync(id, version, accountId, ct);

    private async Task<WorkflowDefinition?> FindAsync(string id, int? version, string? visibleTo, CancellationToken ct)
    {
        if (version is null)
        {
            // Every version of an id has the same owner (publishing refuses another's), so the latest's owner decides.
            var latest = await _latest.GetOrLoadAsync(id, this, static (id, store, ct) => store.LatestOfAsync(id, ct), ct);
            return latest is null || (visibleTo is not null && latest.OwnerAccountId is not null && latest.OwnerAccountId != visibleTo)
                ? null
                : Cache(latest);
        }
        if (visibleTo is null && _cache.TryGetValue((id, version.Value), out var cached))
        {
            return cached;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var query = db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == id && d.Version == version);
        if (visibleTo is not null)
        {
            query = query.Where(d => d.OwnerAccountId == null || d.OwnerAccountId == visibleTo);
        }
        var record = await query.FirstOrDefaultAsync(ct);
        return record is null ? null : Cache(record);
    }

    private async Task<WorkflowDefinitionRecord?> LatestOfAsync(string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>The latest version of every definition the account can see: the shared ones and its own.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> LatestAsync(string accountId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        return await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.IsLatest && (d.OwnerAccountId == null || d.OwnerAccountId == accountId))
            .OrderBy(d => d.DefinitionId).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<WorkflowDefinition>> LatestDefinitionsAsync(string accountId, CancellationToken ct = default) =>
        (await LatestAsync(accountId, ct)).Select(Cache).ToList();

    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> VersionsAsync(string id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        return await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == id).OrderBy(d => d.Version).ToListAsync(ct);
    }

    private WorkflowDefinition Cache(WorkflowDefinitionRecord record) =>
        _cache.GetOrAdd((record.DefinitionId, record.Version), _ => WorkflowJson.Parse(record.Json) with { Version = record.Version });
}
