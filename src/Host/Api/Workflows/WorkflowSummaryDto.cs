namespace Dnd.Host.Api.Workflows;

/// <summary>One of the account's workflows, as its latest version stands.</summary>
/// <param name="Status">"draft" (never published: only a draft), "published", "unpublished" (takes no new contacts), or "deleted" (only in the answer to DELETE).</param>
/// <param name="Version">The latest published version; 0 for a workflow that is only a draft.</param>
/// <param name="HasDraft">Whether unpublished edits are saved (GET /workflows/{id}/draft).</param>
public sealed record WorkflowSummaryDto(string Id, string Name, string Status, int Version, string LocationId, bool HasDraft, DateTimeOffset UpdatedAt);
