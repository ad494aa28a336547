namespace Dnd.Host.Api.Contacts;

/// <summary>Body of create, update and upsert (HighLevel's CreateContactDto/UpdateContactDto); absent fields are left alone.</summary>
public sealed record ContactWriteRequest
{
    public string? LocationId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? CompanyName { get; init; }
    public string? Source { get; init; }
    public List<string>? Tags { get; init; }
    public bool? Dnd { get; init; }
    public Dictionary<string, DndSettingDto>? DndSettings { get; init; }
    public InboundDndSettingsDto? InboundDndSettings { get; init; }
}
