namespace Dnd.Workflows.Persistence;

/// <summary>
/// An account's work in progress on a workflow: one per id, overwritten by each save, removed when published. It may
/// not validate (a designer saves half-built flows); nothing ever runs it.
/// </summary>
public sealed class WorkflowDraftRecord
{
    public required string OwnerAccountId { get; set; }
    public required string DefinitionId { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
