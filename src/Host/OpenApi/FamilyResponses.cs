using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>
/// Declares the error statuses an operation can return whatever its handler does: those of its family's credential
/// check (401, 403), of the body limit (413), of the framework's body binding (400, 415) and the family's own (422 on API
/// bodies; 400, 403, 404 on webhooks). Endpoint-specific statuses are the endpoints' own <c>.ProducesProblem(...)</c>;
/// a status already declared is left as its owner wrote it, only given the problem body if it had none.
/// </summary>
public sealed class FamilyResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var description = context.Description;
        var family = EndpointFamilies.Of(description);
        var hasBody = operation.RequestBody is not null;
        var hasJsonBody = operation.RequestBody?.Content?.Keys.Any(k => k.Contains("json", StringComparison.OrdinalIgnoreCase)) == true;
        var hasQuery = operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true;
        var hasPathId = operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true;

        operation.Responses ??= new OpenApiResponses();
        // The body limit runs before every endpoint, whatever its method: a GET with a large body gets it too.
        Add(413, "The body is larger than this endpoint accepts.");
        switch (family)
        {
            case EndpointFamily.Api:
                // The designer opened from the operator app calls these with the person's cookie, and a change carries the antiforgery token.
                var session = description.ActionDescriptor.EndpointMetadata.Contains(Auth.OperatorSessionCredential.Accepted);
                var change = !HttpMethods.IsGet(description.HttpMethod ?? "") && !HttpMethods.IsHead(description.HttpMethod ?? "");
                Add(400, session && change
                    ? "The JSON body or a query parameter could not be read; or, with the operator app's cookie instead of a key, the antiforgery token is missing or invalid."
                    : "The JSON body or a query parameter could not be read.", when: hasBody || hasQuery || session && change);
                Add(401, session ? "Neither a valid API key nor the operator app's sign-in cookie." : "The API key is missing or not valid.");
                Add(403, session ? "locationId names another account than the API key's, or one the signed-in person may not work in."
                    : "locationId names another account than the API key's.");
                Add(404, "Not found in this account.", when: hasPathId);
                Add(415, "The body is not application/json.", when: hasJsonBody);
                Add(422, "The body is well-formed but invalid: errors lists each problem.", when: hasBody);
                break;
            case EndpointFamily.Admin:
                Add(400, "The JSON body could not be read.", when: hasBody);
                Add(401, "X-Admin-Key is missing or wrong, or the admin API is disabled.");
                Add(404, "No such account.", when: hasPathId);
                Add(415, "The body is not application/json.", when: hasJsonBody);
                break;
            case EndpointFamily.TwilioWebhook:
            case EndpointFamily.MailgunWebhook:
                Add(400, "The body could not be read, or required fields are missing.");
                Add(403, "The signature does not match.");
                Add(404, "No account with this accountId.");
                Add(415, family == EndpointFamily.TwilioWebhook
                    ? "Neither application/x-www-form-urlencoded nor application/json."
                    : "The body is not application/json.");
                break;
        }

        // Every 4xx of this API has a problem body (status code pages write one where a handler wrote none).
        foreach (var (key, response) in operation.Responses)
        {
            if (key.StartsWith('4') && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                bare.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemDetailsSchema.MediaType] = new() { Schema = ProblemDetailsSchema.Reference(document) },
                };
            }
        }

        // Readers scan statuses in order; the owners' and the family's were added in no particular one.
        var sorted = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (key, response) in sorted)
        {
            operation.Responses[key] = response;
        }
        return Task.CompletedTask;

        void Add(int status, string why, bool when = true)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!when || operation.Responses.ContainsKey(key))
            {
                return;
            }
            operation.Responses[key] = new OpenApiResponse
            {
                Description = why,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemDetailsSchema.MediaType] = ProblemDetailsSchema.Content(document, status, Title(status), why),
                },
            };
        }
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Invalid request",
        _ => "Error",
    };
}
