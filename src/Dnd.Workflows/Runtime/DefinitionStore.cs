using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dnd.Workflows.Activities;
using Dnd.Shared.Caching;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// An account's published workflow versions. A version's content never changes once written, so parsed definitions are
/// cached forever; publishing identical content again returns the existing version instead of minting a new one. The
/// latest version's row also carries the workflow's state (unpublished, deleted), since every enrolment reads it anyway.
/// </summary>
public sealed class DefinitionStore(IServiceScopeFactory scopes, ActivityRegistry registry, TimeProvider clock, IOptions<WorkflowWorkerOptions> options)
{
    private const string Shared = WorkflowDefinitionRecord.SharedOwner;

    private readonly ConcurrentDictionary<(string Owner, string Id, int Version), WorkflowDefinition> _cache = new();

    // The latest version (and state) by owner and id: read by every enrolment. A change here drops it; another server's
    // is seen when the copy expires (an enrolment in between behaves as one racing the change would).
    private readonly ExpiringCache<(string Owner, string Id), WorkflowDefinitionRecord> _latest = new(4096, TimeSpan.FromSeconds(5));

    /// <summary>Every reason the definition cannot run; empty when it can.</summary>
    public IReadOnlyList<string> Problems(WorkflowDefinition definition) =>
        DefinitionValidator.Validate(definition, registry, options.Value.MinimumLoopWait);

    /// <summary>Publishes a new version (or re-enables the latest when its content is the same): it is what starts from now on.</summary>
    /// <exception cref="WorkflowValidationException">The definition cannot run.</exception>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition, string source, string ownerAccountId, CancellationToken ct = default)
    {
        var errors = Problems(definition);
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(errors);
        }
        var json = WorkflowJson.Serialize(definition with { Version = 0 });
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        for (var attempt = 0; ; attempt++)
        {
            var latest = await db.WorkflowDefinitions.Where(d => d.OwnerAccountId == ownerAccountId && d.DefinitionId == definition.Id)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
            WorkflowDefinitionRecord result;
            if (latest?.ContentHash == hash)
            {
                // Publishing what is already the latest is how an unpublished or deleted workflow comes back.
                latest.Unpublished = false;
                latest.DeletedAt = null;
                result = latest;
            }
            else
            {
                if (latest is not null)
                {
                    latest.IsLatest = false;
                }
                result = new WorkflowDefinitionRecord
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
                db.WorkflowDefinitions.Add(result);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                _latest.Invalidate((ownerAccountId, definition.Id));
                return Cache(result);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another replica published the same version number first; re-read and go again.
                db.Context.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Publishes a copy of an earlier version as the new latest; history is never rewritten.</summary>
    /// <exception cref="WorkflowNotFoundException">No such workflow or version for the account.</exception>
    public async Task<WorkflowDefinition> RollbackAsync(string accountId, string id, int version, CancellationToken ct = default)
    {
        _ = await OwnLatestAsync(accountId, id, ct) ?? throw new WorkflowNotFoundException(id);
        var target = await FindAsync(accountId, id, version, ct) ?? throw new WorkflowNotFoundException(id, version);
        return await PublishAsync(target with { Version = 0 }, $"rollback of {version}", accountId, ct);
    }

    /// <summary>Stops new enrolments and trigger starts; running instances go on with their version.</summary>
    /// <exception cref="WorkflowNotFoundException">No such workflow for the account.</exception>
    public Task<WorkflowDefinitionRecord> UnpublishAsync(string accountId, string id, CancellationToken ct = default) =>
        ChangeLatestAsync(accountId, id, latest => latest.Unpublished = true, ct);

    /// <summary>Publishes the latest version again (re-enables an unpublished workflow), with no new version.</summary>
    /// <exception cref="WorkflowNotFoundException">No such workflow for the account.</exception>
    public async Task<WorkflowDefinition> RepublishAsync(string accountId, string id, CancellationToken ct = default) =>
        Cache(await ChangeLatestAsync(accountId, id, latest => latest.Unpublished = false, ct));

    /// <summary>Unpublishes and hides the workflow; its versions stay, for the instances still running them.</summary>
    /// <exception cref="WorkflowNotFoundException">No such workflow for the account.</exception>
    public Task<WorkflowDefinitionRecord> DeleteAsync(string accountId, string id, CancellationToken ct = default) =>
        ChangeLatestAsync(accountId, id, latest =>
        {
            latest.Unpublished = true;
            latest.DeletedAt = clock.GetUtcNow();
        }, ct);

    private async Task<WorkflowDefinitionRecord> ChangeLatestAsync(string accountId, string id, Action<WorkflowDefinitionRecord> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var latest = await db.WorkflowDefinitions.Where(d => d.OwnerAccountId == accountId && d.DefinitionId == id)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (latest is null || latest.DeletedAt is not null)
        {
            throw new WorkflowNotFoundException(id);
        }
        change(latest);
        await db.SaveChangesAsync(ct);
        _latest.Invalidate((accountId, id));
        return latest;
    }

    /// <summary>The version an instance runs: the account's own, or a legacy shared one started before templates.</summary>
    public async Task<WorkflowDefinition?> GetForInstanceAsync(string accountId, string id, int version, CancellationToken ct = default) =>
        await FindAsync(accountId, id, version, ct) ?? await FindAsync(Shared, id, version, ct);

    /// <summary>
    /// A version (the latest when null) the account may read: its own workflow unless deleted, else a legacy shared one
    /// (so instances started from those stay explainable). Null when there is none or it is another account's.
    /// </summary>
    public async Task<WorkflowDefinition?> GetVisibleAsync(string accountId, string id, int? version = null, CancellationToken ct = default)
    {
        var owner = await OwnLatestAsync(accountId, id, ct) is { } own ? own.DeletedAt is null ? accountId : null
            : await OwnLatestAsync(Shared, id, ct) is not null ? Shared : null;
        return owner is null ? null
            : version is null ? Cache((await OwnLatestAsync(owner, id, ct))!)
            : await FindAsync(owner, id, version.Value, ct);
    }

    /// <summary>The latest version, for a new enrolment: only the account's own, published workflow starts.</summary>
    /// <exception cref="WorkflowNotFoundException">No such workflow for the account, or it was deleted.</exception>
    /// <exception cref="WorkflowUnpublishedException">It is unpublished.</exception>
    public async Task<WorkflowDefinition> GetStartableAsync(string accountId, string id, CancellationToken ct = default)
    {
        var latest = await OwnLatestAsync(accountId, id, ct);
        if (latest is null || latest.DeletedAt is not null)
        {
            throw new WorkflowNotFoundException(id);
        }
        return latest.Unpublished ? throw new WorkflowUnpublishedException(id) : Cache(latest);
    }

    /// <summary>Whether the account has, or had, a workflow by this id (deleted or legacy shared included): contacts can still leave it.</summary>
    public async Task<bool> KnownToAsync(string accountId, string id, CancellationToken ct = default) =>
        await OwnLatestAsync(accountId, id, ct) is not null || await OwnLatestAsync(Shared, id, ct) is not null;

    /// <summary>Whether the account has a workflow by this id that it has not deleted.</summary>
    public async Task<bool> IsLiveAsync(string accountId, string id, CancellationToken ct = default) =>
        await OwnLatestAsync(accountId, id, ct) is { DeletedAt: null };

    private Task<WorkflowDefinitionRecord?> OwnLatestAsync(string owner, string id, CancellationToken ct) =>
        _latest.GetOrLoadAsync((owner, id), this, static (key, store, ct) => store.LatestOfAsync(key.Owner, key.Id, ct), ct).AsTask();

    private async Task<WorkflowDefinition?> FindAsync(string owner, string id, int version, CancellationToken ct)
    {
        if (_cache.TryGetValue((owner, id, version), out var cached))
        {
            return cached;
        }
        await using var scope = scopes.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<WorkflowDb>().WorkflowDefinitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.OwnerAccountId == owner && d.DefinitionId == id && d.Version == version, ct);
        return record is null ? null : Cache(record);
    }

    private async Task<WorkflowDefinitionRecord?> LatestOfAsync(string owner, string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDb>().WorkflowDefinitions.AsNoTracking()
            .Where(d => d.OwnerAccountId == owner && d.DefinitionId == id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>The latest version of each of the account's workflows that is not deleted, published or not.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> LatestAsync(string accountId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        return await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.OwnerAccountId == accountId && d.IsLatest && d.DeletedAt == null)
            .OrderBy(d => d.DefinitionId).ToListAsync(ct);
    }

    /// <summary>What a trigger may start for the account: its own published workflows (never a draft, never a legacy shared one).</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> LatestDefinitionsAsync(string accountId, CancellationToken ct = default) =>
        (await LatestAsync(accountId, ct)).Where(d => !d.Unpublished).Select(Cache).ToList();

    /// <summary>Every version of the account's workflow (or of the legacy shared one it can read), oldest first.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> VersionsAsync(string accountId, string id, CancellationToken ct = default)
    {
        var owner = await OwnLatestAsync(accountId, id, ct) is not null ? accountId : Shared;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        return await db.WorkflowDefinitions.AsNoTracking().Where(d => d.OwnerAccountId == owner && d.DefinitionId == id)
            .OrderBy(d => d.Version).ToListAsync(ct);
    }

    private WorkflowDefinition Cache(WorkflowDefinitionRecord record) =>
        _cache.GetOrAdd((record.OwnerAccountId, record.DefinitionId, record.Version),
            _ => WorkflowJson.Parse(record.Json) with { Version = record.Version });
}
