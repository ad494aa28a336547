using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>
/// The one error body of the whole API: RFC 9457 problem details as <c>ProblemExceptionHandler</c>, the middleware and
/// status code pages write them. It replaces the schema generated from <c>Mvc.ProblemDetails</c> (reached through
/// the endpoints' <c>.ProducesProblem(...)</c>), so every 4xx of the document points at the same documented shape.
/// </summary>
public sealed class ProblemDetailsSchema : IOpenApiDocumentTransformer
{
    public const string Id = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Id] = Create();
        return Task.CompletedTask;
    }

    /// <summary>Registers the schema while operations are built, so references made then resolve; replaced at the end.</summary>
    public static OpenApiSchemaReference Reference(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(Id, Create());
        return new OpenApiSchemaReference(Id, document);
    }

    /// <summary>A problem+json media type for a response of this status.</summary>
    public static OpenApiMediaType Content(OpenApiDocument document, int status, string title, string detail) => new()
    {
        Schema = Reference(document),
        Example = OpenApiSchemas.Json($$"""
            {"type": {{Quote(TypeUri(status))}}, "title": {{Quote(title)}}, "status": {{status}}, "detail": {{Quote(detail)}} }
            """),
    };

    /// <summary>The type ASP.NET Core's problem details give each status.</summary>
    private static string TypeUri(int status) => status switch
    {
        422 => "https://tools.ietf.org/html/rfc4918#section-11.2",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.5." + status switch
        {
            401 => "2",
            403 => "4",
            404 => "5",
            406 => "7",
            409 => "10",
            413 => "14",
            415 => "16",
            _ => "1",
        },
    };

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `status` and `title` are always present; the extension members below appear " +
                      "where they apply, and others may be added, so clients must ignore members they do not know.",
        Required = new HashSet<string> { "status", "title" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = OpenApiSchemas.NullableString("A URI reference that identifies the problem type."),
            ["title"] = OpenApiSchemas.String("A short summary of the problem type."),
            ["status"] = OpenApiSchemas.Integer("The HTTP status code."),
            ["detail"] = OpenApiSchemas.NullableString("What went wrong with this request, in words a developer can act on."),
            ["instance"] = OpenApiSchemas.NullableString("The request path."),
            ["traceId"] = OpenApiSchemas.String("The server's trace identifier for this request, to quote when asking for help."),
            ["errors"] = OpenApiSchemas.StringArray("Every problem found when there are several (validation): each names its field."),
            ["fields"] = OpenApiSchemas.StringArray("The request fields at fault, for clients that highlight them."),
            ["channel"] = OpenApiSchemas.String("Blocked by DND (422 from POST /conversations/messages, which records nothing): the channel the send was refused on."),
            ["statusCode"] = OpenApiSchemas.Integer("Duplicate contact (HighLevel's shape): the status again."),
            ["message"] = OpenApiSchemas.String("Duplicate contact (HighLevel's shape): the detail again."),
            ["contactId"] = OpenApiSchemas.String("Duplicate contact: the existing contact that has the phone or email."),
            ["meta"] = OpenApiSchemas.Object("Duplicate contact (HighLevel's shape).", new Dictionary<string, IOpenApiSchema>
            {
                ["contactId"] = OpenApiSchemas.String("The existing contact."),
                ["matchingField"] = OpenApiSchemas.String("The field that matched: email or phone."),
            }),
        },
        Examples =
        [
            OpenApiSchemas.Json("""
                {"type": "https://tools.ietf.org/html/rfc4918#section-11.2", "title": "Invalid request", "status": 422,
                 "detail": "The contact is invalid.", "instance": "/contacts/",
                 "errors": ["firstName must be at most 255 characters (it has 300)", "dndSettings: 'Fax' is not a channel"],
                 "fields": ["firstName", "dndSettings"], "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}
                """),
            OpenApiSchemas.Json("""
                {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.2", "title": "Unauthorized", "status": 401,
                 "detail": "Send your API key as 'Authorization: Bearer <key>'."}
                """),
        ],
    };
}
