using System.Text.Json;

namespace Dnd.Host.Api.Contacts;

/// <summary>One HighLevel advanced-search filter, e.g. { "field": "dndSettings.SMS.status", "operator": "eq", "value": "active" }.</summary>
public sealed record SearchFilter(string Field, string Operator, JsonElement Value);
