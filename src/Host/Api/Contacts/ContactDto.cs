namespace Dnd.Host.Api.Contacts;

/// <summary>A contact in HighLevel API v2's shape, plus dndAggregate (on, off or partial).</summary>
public sealed record ContactDto
{
    public required string Id { get; init; }
    public required string LocationId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? ContactName { get; init; }
    public string? Email { get; init; }
    public string? EmailLowerCase { get; init; }
    public string? Phone { get; init; }
    public string? CompanyName { get; init; }
    public string? Source { get; init; }
    public List<string> Tags { get; init; } = [];
    public DateTimeOffset DateAdded { get; init; }
    public DateTimeOffset DateUpdated { get; init; }
    public bool Dnd { get; init; }
    public required string DndAggregate { get; init; }
    public required Dictionary<string, DndSettingDto> DndSettings { get; init; }
    public required InboundDndSettingsDto InboundDndSettings { get; init; }
}
