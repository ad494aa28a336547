using System.Text.Json.Serialization;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// A contact in HighLevel API v2's shape, plus contactName and dndAggregate (on, off or partial). HighLevel types
/// its text fields string, not nullable: a field the contact has no value for is left out, never sent as null.
/// </summary>
public sealed record ContactDto
{
    public required string Id { get; init; }
    public required string LocationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastName { get; init; }

    /// <summary>First and last name, "" when the contact has neither.</summary>
    public required string ContactName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EmailLowerCase { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Phone { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CompanyName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>The contact's IANA time zone, which quiet hours are counted in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Timezone { get; init; }

    public List<string> Tags { get; init; } = [];

    public List<CustomFieldDto> CustomFields { get; init; } = [];

    /// <summary>UTC, to the millisecond, as HighLevel writes it: "2021-07-02T05:18:26.704Z".</summary>
    public required string DateAdded { get; init; }

    public required string DateUpdated { get; init; }
    public bool Dnd { get; init; }
    public required string DndAggregate { get; init; }
    /// <summary>HighLevel's dndSettings: every channel (Call, Email, SMS, WhatsApp, GMB, FB) with its status, message and code.</summary>
    public required Dictionary<string, DndSettingDto> DndSettings { get; init; }
    public required InboundDndSettingsDto InboundDndSettings { get; init; }

    /// <summary>
    /// Search results only (HighLevel's search Contact): this contact's place in the search order, [dateAdded in epoch
    /// milliseconds, id]; sent back as the search's searchAfter, the next page starts after this contact.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? SearchAfter { get; init; }
}
