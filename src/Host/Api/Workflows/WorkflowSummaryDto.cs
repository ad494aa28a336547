namespace Dnd.Host.Api.Workflows;

/// <summary>One of the account's workflows, as its latest version stands.</summary>
/// <param name="Status"><see cref="Draft"/>, <see cref="Published"/>, <see cref="Unpublished"/>, or <see cref="Deleted"/> (only in the answer to DELETE).</param>
/// <param name="Version">The latest published version; 0 for a workflow that is only a draft.</param>
/// <param name="HasDraft">Whether unpublished edits are saved (GET /workflows/{id}/draft).</param>
public sealed record WorkflowSummaryDto(string Id, string Name, string Status, int Version, string LocationId, bool HasDraft, DateTimeOffset UpdatedAt)
{
    /// <summary>Never published: only a draft.</summary>
    public const string Draft = "draft";

    public const string Published = "published";

    /// <summary>Takes no new contacts (enrolments, trigger starts); instances already running go on with their version.</summary>
    public const string Unpublished = "unpublished";

    public const string Deleted = "deleted";
}
