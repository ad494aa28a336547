using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>Small builders that keep the hand-written schemas (webhook bodies, problem details) readable.</summary>
internal static class OpenApiSchemas
{
    public static OpenApiSchema String(string description, params string[] allowed) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = allowed.Length == 0 ? null : allowed.Select(a => (JsonNode)JsonValue.Create(a)).ToList(),
    };

    public static OpenApiSchema NullableString(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };

    public static OpenApiSchema Integer(string description) => new() { Type = JsonSchemaType.Integer, Format = "int32", Description = description };

    public static OpenApiSchema Boolean(string description) => new() { Type = JsonSchemaType.Boolean, Description = description };

    public static OpenApiSchema StringArray(string description) => new()
    {
        Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = description,
    };

    public static OpenApiSchema Object(string description, Dictionary<string, IOpenApiSchema> properties, params string[] required) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties,
        Required = required.Length == 0 ? null : new HashSet<string>(required),
    };

    /// <summary>A reference to a schema in this document's components.</summary>
    public static OpenApiSchemaReference Ref(string id, OpenApiDocument? document) => new(id, document);

    public static JsonNode Json(string json) => JsonNode.Parse(json)!;
}
