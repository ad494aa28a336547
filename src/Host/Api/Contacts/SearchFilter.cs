using System.Text.Json;

namespace Dnd.Host.Api.Contacts;

/// <summary>One HighLevel advanced-search filter, e.g. { "field": "dndSettings.SMS.status", "operator": "eq", "value": "active" }.</summary>
/// <param name="Value">Undefined when absent, Null when sent as null; both are refused.</param>
public sealed record SearchFilter(string? Field, string? Operator, JsonElement Value);
