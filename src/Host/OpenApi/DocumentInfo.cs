using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>What a reader of the reference sees first: what the API is, how to authenticate, what errors look like.</summary>
public sealed class DocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Dnd API",
            Version = "v1",
            Description = """
                Per-contact, per-channel Do-Not-Disturb for CRM contacts, compatible with HighLevel API v2's contact shapes
                (`dnd`, `dndSettings`, `inboundDndSettings`).

                **Authentication.** The API takes the account's key as `Authorization: Bearer <API key>` (scheme `apiKey`);
                `/admin/*` takes `X-Admin-Key` (`adminKey`). Webhooks are not called with a key: Twilio's are checked with
                `X-Twilio-Signature` (`twilioSignature`), Mailgun's with the signature inside the body (`mailgunSignature`).
                `/unsubscribe/{token}` and a text's `/u/{token}` need nothing but their signed token.

                **Errors.** Every 4xx is `application/problem+json` (RFC 9457, schema `ProblemDetails`), with an `errors` list
                where there are several problems and `fields` naming the request fields at fault.
                """,
        };
        return Task.CompletedTask;
    }
}
