using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>
/// The four ways a request proves who sent it. The webhook schemes are signatures, not keys a caller types in:
/// they are declared so each webhook operation says how it is verified and a reader finds the algorithm here.
/// </summary>
public sealed class SecuritySchemes : IOpenApiDocumentTransformer
{
    public const string ApiKey = "apiKey";
    public const string AdminKey = "adminKey";
    public const string TwilioSignature = "twilioSignature";
    public const string MailgunSignature = "mailgunSignature";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        var schemes = document.Components.SecuritySchemes;
        schemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key",
            Description = "The account's API key, sent as `Authorization: Bearer <API key>` like a HighLevel private integration " +
                          "token. A key sees only its own account; a `locationId` naming another account is refused with 403. " +
                          "Keys are issued by `POST /admin/accounts` and `POST /admin/accounts/{accountId}/api-keys`.",
        };
        schemes[AdminKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Admin-Key",
            Description = "The operator key configured as `Dnd:AdminKey`. When it is not configured the admin API answers 401 to everyone.",
        };
        schemes[TwilioSignature] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Twilio-Signature",
            Description = "Twilio's request signature: Base64(HMAC-SHA1(account's Twilio auth token, public URL + each POST " +
                          "field's name and value, sorted by name)). The public URL is `Dnd:Messaging:PublicBaseUrl` + path + " +
                          "query, accepted with or without the default port as Twilio's own validators do. A JSON body is signed " +
                          "over the URL alone, which carries the body's lowercase hex SHA-256 in the `bodySHA256` query parameter. " +
                          "A missing or wrong signature is refused with 403.",
        };
        schemes[MailgunSignature] = new OpenApiSecurityScheme
        {
            // OpenAPI has no "in: body" for a security scheme: Mailgun signs inside the JSON body, so this entry
            // documents the check and names the body fields; no header is read.
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Mailgun-Signature",
            Description = "Not a header: Mailgun signs inside the body. `signature.signature` must be hex(HMAC-SHA256(account's " +
                          "Mailgun signing key, `signature.timestamp` + `signature.token`)) (403 otherwise), the timestamp within " +
                          "`Dnd:Webhooks:MailgunSignatureWindow` (15 minutes) of now (406 otherwise), and a token is bound to the " +
                          "first body it came with: the same body again is a 200 duplicate, another body under it is refused with 406.",
            Extensions = new Dictionary<string, IOpenApiExtension>
            {
                ["x-signature-location"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create("body: signature.timestamp, signature.token, signature.signature")),
            },
        };
        return Task.CompletedTask;
    }

    /// <summary>A requirement naming one scheme of this document.</summary>
    public static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
