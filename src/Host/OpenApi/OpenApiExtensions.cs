using Scalar.AspNetCore;

namespace Dnd.Host.OpenApi;

/// <summary>The OpenAPI 3.1 document at /openapi/v1.json and its interactive reference (Scalar) at /docs.</summary>
public static class OpenApiExtensions
{
    public const string ReferencePath = "/docs";

    public static WebApplicationBuilder AddDndOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            // Order matters: bodies first, so the family statuses see which operations take one.
            options.AddOperationTransformer<WebhookBodies>();
            options.AddOperationTransformer<OperationSecurity>();
            options.AddOperationTransformer<FamilyResponses>();
            options.AddOperationTransformer<RequestExamples>();
            options.AddSchemaTransformer<OmittedPropertiesNotRequired>();
            options.AddDocumentTransformer<DocumentInfo>();
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddDocumentTransformer<ProblemDetailsSchema>();
        });
        return builder;
    }

    public static WebApplication MapDndOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        // The reference's script is served by the package itself, so /docs works without reaching any CDN.
        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.WithTitle("Dnd API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes([SecuritySchemes.ApiKey]);
            // Nothing about the API or its callers leaves the server: no telemetry, no hosted AI chat, no vendor toolbar.
            options.Telemetry = false;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        });
        return app;
    }
}
