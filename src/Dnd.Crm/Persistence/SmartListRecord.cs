namespace Dnd.Crm.Persistence;

/// <summary>A saved contact search that leaves out contacts who cannot be reached on its channel.</summary>
public sealed class SmartListRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string Name { get; set; }

    /// <summary>Channel whose DND excludes a contact (e.g. "SMS"); null for none.</summary>
    public string? ExcludeDndChannel { get; set; }

    /// <summary>Exclude contacts with DND on any channel.</summary>
    public bool ExcludeAnyDnd { get; set; }

    public string? Tag { get; set; }
    public string? Query { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
