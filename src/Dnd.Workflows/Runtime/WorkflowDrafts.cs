using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// Drafts: saved even when invalid (the problems come back with it, as a designer saves work in progress), never run by
/// a trigger or an enrolment (those read published versions only), and turned into a version by <see cref="PublishAsync"/>.
/// </summary>
public sealed class WorkflowDrafts(IServiceScopeFactory scopes, DefinitionStore definitions, TimeProvider clock)
{
    /// <returns>What would stop it publishing; empty when it would publish.</returns>
    public async Task<IReadOnlyList<string>> SaveAsync(string accountId, WorkflowDefinition draft, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var row = await db.WorkflowDrafts.FirstOrDefaultAsync(d => d.OwnerAccountId == accountId && d.DefinitionId == draft.Id, ct);
        if (row is null)
        {
            row = new WorkflowDraftRecord { OwnerAccountId = accountId, DefinitionId = draft.Id, Name = "", Json = "" };
            db.WorkflowDrafts.Add(row);
        }
        row.Name = draft.Name ?? "";
        row.Json = WorkflowJson.Serialize(draft with { Version = 0 });
        row.SavedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return definitions.Problems(draft);
    }

    public async Task<WorkflowDraftRecord?> FindAsync(string accountId, string id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDb>().WorkflowDrafts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.OwnerAccountId == accountId && d.DefinitionId == id, ct);
    }

    /// <summary>Every draft of the account, for the list (a workflow never published shows as a draft).</summary>
    public async Task<IReadOnlyList<WorkflowDraftRecord>> AllAsync(string accountId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDb>().WorkflowDrafts.AsNoTracking()
            .Where(d => d.OwnerAccountId == accountId).ToListAsync(ct);
    }

    /// <summary>Publishes the draft as a new version and removes it; with no draft, publishes the latest version again.</summary>
    /// <exception cref="WorkflowNotFoundException">The account has neither a draft nor a workflow of this id.</exception>
    /// <exception cref="WorkflowValidationException">The draft cannot run; it stays a draft.</exception>
    public async Task<WorkflowDefinition> PublishAsync(string accountId, string id, CancellationToken ct = default)
    {
        var draft = await FindAsync(accountId, id, ct);
        if (draft is null)
        {
            // "Publish" on an unpublished workflow with no pending edits turns it back on as it was.
            return await definitions.RepublishAsync(accountId, id, ct);
        }
        var published = await definitions.PublishAsync(WorkflowJson.Parse(draft.Json), "draft", accountId, ct);
        // Only the draft that was published goes: one saved meanwhile is newer work and stays.
        await DiscardAsync(accountId, id, onlyIf: draft.Json, ct);
        return published;
    }

    /// <summary>Removes the draft (only when its content is still <paramref name="onlyIf"/>, when given).</summary>
    public async Task DiscardAsync(string accountId, string id, string? onlyIf = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var row = await db.WorkflowDrafts.FirstOrDefaultAsync(d => d.OwnerAccountId == accountId && d.DefinitionId == id, ct);
        if (row is not null && (onlyIf is null || row.Json == onlyIf))
        {
            db.WorkflowDrafts.Remove(row);
            await db.SaveChangesAsync(ct);
        }
    }
}
