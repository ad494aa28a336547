using Dnd.Workflows.Runtime;

namespace Dnd.Host.Api.Workflows;

/// <summary>The account's workflows as GET /workflows/ lists them, and as the operator app's Workflows screen shows them.</summary>
public static class WorkflowSummaries
{
    /// <summary>Published or unpublished ones by their latest version, and those only drafted so far; by id.</summary>
    public static async Task<List<WorkflowSummaryDto>> ListAsync(string accountId, DefinitionStore store, WorkflowDrafts drafts, CancellationToken ct)
    {
        var latest = await store.LatestAsync(accountId, ct);
        var drafted = (await drafts.AllAsync(accountId, ct)).ToDictionary(d => d.DefinitionId);
        var published = latest.Select(d => new WorkflowSummaryDto(d.DefinitionId, d.Name,
            d.Unpublished ? WorkflowSummaryDto.Unpublished : WorkflowSummaryDto.Published, d.Version, accountId, drafted.ContainsKey(d.DefinitionId),
            d.PublishedAt));
        var onlyDrafts = drafted.Values.Where(d => latest.All(l => l.DefinitionId != d.DefinitionId))
            .Select(d => new WorkflowSummaryDto(d.DefinitionId, d.Name, WorkflowSummaryDto.Draft, 0, accountId, true, d.SavedAt));
        return published.Concat(onlyDrafts).OrderBy(w => w.Id, StringComparer.Ordinal).ToList();
    }
}
