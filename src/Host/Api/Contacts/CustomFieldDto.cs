using System.Text.Json;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// A custom field value as HighLevel returns it ({ id, value }) and as the contact row stores it; the value keeps
/// the JSON type it was given (a string, number, array of strings or object).
/// </summary>
public sealed record CustomFieldDto(string Id, JsonElement Value);
