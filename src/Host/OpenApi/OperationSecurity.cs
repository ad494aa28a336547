using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>Puts each operation under the security scheme its family is checked with.</summary>
public sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scheme = EndpointFamilies.Of(context.Description) switch
        {
            EndpointFamily.Api => SecuritySchemes.ApiKey,
            EndpointFamily.Admin => SecuritySchemes.AdminKey,
            EndpointFamily.TwilioWebhook => SecuritySchemes.TwilioSignature,
            EndpointFamily.MailgunWebhook => SecuritySchemes.MailgunSignature,
            _ => null,
        };
        if (scheme is not null)
        {
            operation.Security ??= [];
            operation.Security.Add(SecuritySchemes.Requirement(scheme, context.Document!));
        }
        return Task.CompletedTask;
    }
}
