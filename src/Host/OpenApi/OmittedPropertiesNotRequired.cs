using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>
/// The generator lists every constructor parameter as required, even one the serializer leaves out of the JSON
/// ([JsonIgnore(Condition = WhenWritingDefault)], e.g. a "duplicate" flag written only when true). A member that can
/// be absent on the wire is not required: the schema follows the serializer, not the constructor.
/// </summary>
public sealed class OmittedPropertiesNotRequired : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Required is not { Count: > 0 } required || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }
        var omitsDefaults = context.JsonTypeInfo.Options.DefaultIgnoreCondition != System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            // The resolver gives a property a ShouldSerialize predicate exactly when an ignore condition may drop it.
            if ((property.ShouldSerialize is not null || omitsDefaults) && !property.IsRequired)
            {
                required.Remove(property.Name);
            }
        }
        return Task.CompletedTask;
    }
}
