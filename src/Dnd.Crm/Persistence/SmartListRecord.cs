namespace Dnd.Crm.Persistence;

/// <summary>
/// A saved contact search by name: a tree of filters (groups of conditions joined by AND or OR) evaluated in SQL
/// each time the list is read.
/// </summary>
public sealed class SmartListRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// The filter tree as JSON, validated when written (the API's SmartListFilterGroup). Null on lists saved before
    /// filter trees: their filters are the old fields below.
    /// </summary>
    public string? FiltersJson { get; set; }

    /// <summary>Old shape: channel whose DND excludes a contact (e.g. "SMS"); null for none. Kept as given.</summary>
    public string? ExcludeDndChannel { get; set; }

    /// <summary>Old shape: exclude contacts with DND on any channel.</summary>
    public bool ExcludeAnyDnd { get; set; }

    /// <summary>Old shape: one tag contacts must have.</summary>
    public string? Tag { get; set; }

    /// <summary>Old shape: free text in names, email or phone.</summary>
    public string? Query { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its name or filters were last edited; null when never.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
