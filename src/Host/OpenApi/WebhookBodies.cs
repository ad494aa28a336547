using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static Dnd.Host.OpenApi.OpenApiSchemas;

namespace Dnd.Host.OpenApi;

/// <summary>
/// Describes what the webhooks and the unsubscribe target read and answer. Their handlers take the raw request and
/// return untyped results, so the generator sees neither side: this fills in what it could not, and leaves alone
/// whatever an endpoint declares itself (a request body, a 200 with content).
/// </summary>
public sealed class WebhookBodies : IOpenApiOperationTransformer
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var family = EndpointFamilies.Of(context.Description);
        var method = context.Description.HttpMethod?.ToUpperInvariant();
        var kind = EndpointFamilies.LastSegment(context.Description);
        var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        switch (family)
        {
            case EndpointFamily.TwilioWebhook:
                var (schema, json, example) = kind switch
                {
                    "sms" => (WebhookSchemas.TwilioInboundMessage, true,
                        """{"MessageSid": "SM0d4f5b3e2a1c9e8f7a6b5c4d3e2f1a0b", "From": "+15555550123", "To": "+15555550100", "Body": "STOP", "OptOutType": "STOP"}"""),
                    "status" => (WebhookSchemas.TwilioMessageStatus, true,
                        """{"MessageSid": "SM0d4f5b3e2a1c9e8f7a6b5c4d3e2f1a0b", "MessageStatus": "undelivered", "To": "+15555550123", "From": "+15555550100", "ErrorCode": "30003"}"""),
                    _ => (WebhookSchemas.TwilioVoiceCall, false,
                        """{"CallSid": "CA9f8e7d6c5b4a39281706f5e4d3c2b1a0", "From": "+15555550123", "To": "+15555550100"}"""),
                };
                AddBody(operation, document, schema, example, json ? [Form, Json] : [Form]);
                AddBodyHashParameter(operation);
                if (kind == "status")
                {
                    AddOk(operation, Json, "Applied to every contact with the address (or kept on the address), or a duplicate callback.", Outcome());
                }
                else
                {
                    AddOk(operation, "application/xml", kind == "sms"
                            ? "TwiML with no reply, also for a MessageSid seen before."
                            : "TwiML: a greeting, or a busy rejection when the caller has inbound DND.",
                        new OpenApiSchema { Type = JsonSchemaType.String, Description = "TwiML" },
                        kind == "sms"
                            ? """<?xml version="1.0" encoding="UTF-8"?><Response></Response>"""
                            : """<?xml version="1.0" encoding="UTF-8"?><Response><Reject reason="busy"/></Response>""");
                }
                break;
            case EndpointFamily.MailgunWebhook:
                AddBody(operation, document, WebhookSchemas.MailgunWebhook, """
                    {"signature": {"timestamp": "1767225600", "token": "5c0a6d2e8f1b4a3c9e7d", "signature": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"},
                     "event-data": {"id": "Ase-8dk3S0m2qJ5xQ2TnTw", "event": "failed", "severity": "permanent", "reason": "suppress-unsubscribe", "recipient": "rosalie@example.com"}}
                    """, [Json]);
                AddOk(operation, Json, "Applied to every contact with the address (or kept on the address), or a duplicate delivery.", Outcome());
                break;
            case EndpointFamily.Unsubscribe:
                var text = path.StartsWith("/u/", StringComparison.OrdinalIgnoreCase);
                if (method == "POST")
                {
                    if (text)
                    {
                        AddBody(operation, document, WebhookSchemas.TextUnsubscribe, """{"stop": "SMS"}""", [Form], required: false);
                    }
                    else
                    {
                        AddBody(operation, document, WebhookSchemas.OneClickUnsubscribe, """{"List-Unsubscribe": "One-Click"}""", [Form], required: false);
                    }
                }
                AddOk(operation, "text/html", method == "POST"
                        ? "The unsubscribed page (also when the contact was already deleted)."
                        : text ? "The account's page asking whether to stop texts or everything; a GET never unsubscribes (link previews follow GETs)."
                        : "A confirmation page whose form posts back here; a GET never unsubscribes (link scanners follow GETs).",
                    new OpenApiSchema { Type = JsonSchemaType.String, Description = "HTML" });
                break;
        }
        return Task.CompletedTask;
    }

    private static void AddBody(OpenApiOperation operation, OpenApiDocument document, string schemaId, string example, string[] mediaTypes, bool required = true)
    {
        if (operation.RequestBody is OpenApiRequestBody { Content.Count: > 0 })
        {
            return;
        }
        var content = new Dictionary<string, OpenApiMediaType>();
        foreach (var mediaType in mediaTypes)
        {
            content[mediaType] = new OpenApiMediaType { Schema = WebhookSchemas.Reference(schemaId, document), Example = Json(example) };
        }
        operation.RequestBody = new OpenApiRequestBody { Required = required, Content = content };
    }

    private static void AddBodyHashParameter(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.Name == "bodySHA256"))
        {
            return;
        }
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "bodySHA256",
            In = ParameterLocation.Query,
            Required = false,
            Description = "For a JSON body only: the body's lowercase hex SHA-256, which X-Twilio-Signature then covers through the URL.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9a-f]{64}$" },
        });
    }

    private static void AddOk(OpenApiOperation operation, string mediaType, string description, IOpenApiSchema schema, string? example = null)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.Responses.TryGetValue("200", out var existing) && existing.Content is { Count: > 0 })
        {
            return;
        }
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [mediaType] = new() { Schema = schema, Example = example is null ? null : System.Text.Json.Nodes.JsonValue.Create(example) },
            },
        };
    }

    /// <summary>What a provider event did: the contacts it reached and why, or that it was a redelivery.</summary>
    private static OpenApiSchema Outcome() => new()
    {
        OneOf =
        [
            Object("The event was applied.", new()
            {
                ["contactId"] = NullableString("The first contact with the address; null when no contact has it (the decision is kept on the address)."),
                ["contactIds"] = StringArray("Every contact of the account with the address."),
                ["explanation"] = String("What the rules decided, in words."),
            }, "contactId", "contactIds", "explanation"),
            Object("The event was delivered before and changed nothing now.", new()
            {
                ["duplicate"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [System.Text.Json.Nodes.JsonValue.Create(true)] },
            }, "duplicate"),
        ],
    };
}
