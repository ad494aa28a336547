using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// One entry of a request's customFields, as HighLevel's CreateContactDto takes them: { id, key?, field_value },
/// field_value a string, number, array of strings or object. HighLevel answers with { id, value }, so "value" is
/// read too and a contact read with GET can be written back unchanged.
/// </summary>
public sealed record CustomFieldInput
{
    public string? Id { get; init; }

    /// <summary>HighLevel's field key; this server keeps no field definitions, so values are stored by id.</summary>
    public string? Key { get; init; }

    /// <summary>Undefined when absent, Null when sent as null: either clears the field.</summary>
    [JsonPropertyName("field_value")]
    public JsonElement FieldValue { get; init; }

    public JsonElement Value { get; init; }
}
