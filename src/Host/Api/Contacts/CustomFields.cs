using System.Text.Json;
using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// HighLevel custom field values on a contact: validated as HighLevel's CreateContactDto describes them, and
/// merged so that a write replaces the values of the ids it names and keeps the others.
/// </summary>
public static class CustomFields
{
    public static void Validate(IReadOnlyList<CustomFieldInput?> fields, FieldErrors errors)
    {
        errors.MaxCount("customFields", fields, ApiLimits.CustomFieldsPerContact);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = $"customFields[{i}]";
            if (fields[i] is not { } field)
            {
                errors.Add(name, $"{name} cannot be null");
                continue;
            }
            if (string.IsNullOrWhiteSpace(field.Id))
            {
                // HighLevel's own schema requires the id here; a key alone would need field definitions this server has not got.
                errors.Add($"{name}.id", $"{name}.id is required");
            }
            else if (field.Id.Length > ApiLimits.TextLength)
            {
                errors.MaxLength($"{name}.id", field.Id, ApiLimits.TextLength);
            }
            else if (!ids.Add(field.Id))
            {
                errors.Add($"{name}.id", $"{name}.id '{field.Id}' is given twice; send each field once");
            }
            errors.MaxLength($"{name}.key", field.Key, ApiLimits.TextLength);
            if (Given(field.FieldValue) && Given(field.Value) && !JsonElement.DeepEquals(field.FieldValue, field.Value))
            {
                errors.Add($"{name}.field_value", $"{name}.field_value and {name}.value differ; send one of them");
            }
            var valueName = Given(field.FieldValue) || !Given(field.Value) ? $"{name}.field_value" : $"{name}.value";
            if (ValueOf(field) is not { } value)
            {
                continue;
            }
            if (!Supported(value))
            {
                errors.Add(valueName, $"{valueName} must be a string, a number, an array of strings or an object");
            }
            else if (value.GetRawText().Length > ApiLimits.TextLength)
            {
                errors.Add(valueName, $"{valueName} must be at most {ApiLimits.TextLength} characters of JSON (it has {value.GetRawText().Length})");
            }
        }
    }

    /// <summary>
    /// The stored values with the given ones applied: a given value replaces the one with its id, a null (or absent)
    /// value clears it, ids not given keep theirs.
    /// </summary>
    /// <exception cref="ApiValidationException">422 when the contact would end up with too many fields.</exception>
    public static string Merge(string storedJson, IEnumerable<CustomFieldInput> fields)
    {
        var merged = Read(storedJson);
        foreach (var field in fields)
        {
            var at = merged.FindIndex(f => f.Id == field.Id);
            var value = ValueOf(field);
            if (value is null)
            {
                if (at >= 0)
                {
                    merged.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                merged[at] = new CustomFieldDto(field.Id!, value.Value.Clone());
            }
            else
            {
                merged.Add(new CustomFieldDto(field.Id!, value.Value.Clone()));
            }
        }
        if (merged.Count > ApiLimits.CustomFieldsPerContact)
        {
            new FieldErrors().Add("customFields", $"customFields would give this contact {merged.Count} fields; a contact has at most {ApiLimits.CustomFieldsPerContact}")
                .ThrowIfAny("The contact has too many custom fields.");
        }
        return JsonSerializer.Serialize(merged, JsonSerializerOptions.Web);
    }

    public static List<CustomFieldDto> Read(string storedJson) =>
        JsonSerializer.Deserialize<List<CustomFieldDto>>(storedJson, JsonSerializerOptions.Web) ?? [];

    private static bool Given(JsonElement value) => value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    private static JsonElement? ValueOf(CustomFieldInput field) =>
        Given(field.FieldValue) ? field.FieldValue : Given(field.Value) ? field.Value : null;

    /// <summary>HighLevel's field types: text and options (string), numeric and monetary (number), checkbox and multi-select (strings), file (object).</summary>
    private static bool Supported(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Object => true,
        JsonValueKind.Array => value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String),
        _ => false,
    };
}
