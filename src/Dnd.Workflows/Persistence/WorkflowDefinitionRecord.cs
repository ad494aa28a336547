namespace Dnd.Workflows.Persistence;

/// <summary>One published version of a workflow definition; versions are immutable once written.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }

    /// <summary>SHA-256 of the JSON, so reloading an unchanged file does not mint a new version.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The account that published it; null for the shared definitions loaded from the workflows/ folder.</summary>
    public string? OwnerAccountId { get; set; }

    public bool IsLatest { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}
