using System.Text.Json.Serialization;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// Body of create, update and upsert (HighLevel's CreateContactDto / UpdateContactDto / UpsertContactDto); absent
/// fields are left alone and fields HighLevel does not define are ignored, as HighLevel ignores them.
/// </summary>
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

    /// <summary>IANA time zone (HighLevel's "timezone"), which quiet hours are counted in; "" clears it.</summary>
    public string? Timezone { get; init; }

    public List<string>? Tags { get => field; init => field = NotNull("tags", value); }

    public bool? Dnd { get => field; init => field = NotNull("dnd", value); }

    public Dictionary<string, DndSettingRequest>? DndSettings { get => field; init => field = NotNull("dndSettings", value); }

    public InboundDndSettingsRequest? InboundDndSettings { get => field; init => field = NotNull("inboundDndSettings", value); }

    public List<CustomFieldInput>? CustomFields { get => field; init => field = NotNull("customFields", value); }

    // Collections are typed without null entries, as HighLevel's schema has them; JSON null entries still bind
    // (System.Text.Json does not check), so validation refuses them by index.

    /// <summary>
    /// Fields sent as JSON null that HighLevel's schema does not let be null. Null and absent bind alike, so the
    /// setters note it here and validation refuses them by name instead of reading null as "leave alone".
    /// </summary>
    [JsonIgnore]
    public HashSet<string> NullFields { get; } = [];

    private T? NotNull<T>(string name, T? value)
    {
        if (value is null)
        {
            NullFields.Add(name);
        }
        return value;
    }
}
