using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dnd.Host.OpenApi;

/// <summary>
/// Example bodies for the main API requests, keyed by the request schema so they follow the type wherever it is
/// used (create, update and upsert share the contact). Endpoint-declared examples win.
/// </summary>
public sealed class RequestExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, Dictionary<string, (string Summary, string Json)>> BySchema = new()
    {
        ["ContactWriteRequest"] = new()
        {
            ["contact"] = ("A HighLevel contact with per-channel DND", """
                {"locationId": "demo-location", "firstName": "Rosalie", "lastName": "Ward", "email": "rosalie@example.com",
                 "phone": "+15555550123", "companyName": "Ward & Co", "source": "public api", "tags": ["vip", "newsletter"],
                 "dndSettings": {"SMS": {"status": "active", "message": "Asked for no texts on the phone"}, "Email": {"status": "inactive"}},
                 "inboundDndSettings": {"all": {"status": "inactive"}}}
                """),
            ["allChannels"] = ("DND on every channel at once", """{"dnd": true}"""),
            ["liftSms"] = ("Lift SMS DND (refused, and said so in dndDecisions, if the contact opted out themselves)", """
                {"dndSettings": {"SMS": {"status": "inactive"}}}
                """),
        },
        ["ContactSearchRequest"] = new()
        {
            ["smsOptedOut"] = ("Contacts with SMS DND on", """
                {"locationId": "demo-location", "page": 1, "pageLimit": 20,
                 "filters": [{"field": "dndSettings.SMS.status", "operator": "eq", "value": "active"}]}
                """),
        },
        ["SendMessageRequest"] = new()
        {
            ["sms"] = ("An SMS (refused with 422 when DND blocks it)", """
                {"type": "SMS", "contactId": "8f14e45fceea167a", "message": "Your order has shipped."}
                """),
        },
        ["WorkflowDefinition"] = new()
        {
            ["resubscribe"] = ("Re-subscribe on form consent, then send a welcome-back email (the id must match the URL's)", """
                {"id": "form-resubscribe", "name": "Re-subscribe on form consent", "allowReentry": true,
                 "activities": [
                   {"id": "form", "type": "FormSubmittedTrigger", "position": {"x": 80, "y": 60}, "properties": {"resubscribe": true}},
                   {"id": "welcome-back", "type": "Send", "position": {"x": 80, "y": 200},
                    "properties": {"channel": "Email", "subject": "Welcome back", "body": "<p>Hi {{ contact.first_name }}, you are subscribed again.</p>"}}],
                 "connections": [{"source": "form", "outcome": "Done", "target": "welcome-back"}]}
                """),
        },
        ["AccountSettingsRequest"] = new()
        {
            ["keywords"] = ("Add an opt-out keyword and widen keyword channels", """
                {"optOutKeywords": ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET"],
                 "keywordChannels": ["SMS", "WhatsApp"], "unsubscribeScope": "EmailOnly", "defaultRegion": "US"}
                """),
        },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content is not { } content)
        {
            return Task.CompletedTask;
        }
        foreach (var mediaType in content.Values)
        {
            if (mediaType.Schema is OpenApiSchemaReference { Reference.Id: { } id } && BySchema.TryGetValue(id, out var examples) &&
                mediaType.Example is null && mediaType.Examples is null or { Count: 0 })
            {
                mediaType.Examples = examples.ToDictionary(e => e.Key, e => (IOpenApiExample)new OpenApiExample
                {
                    Summary = e.Value.Summary,
                    Value = OpenApiSchemas.Json(e.Value.Json),
                });
            }
        }
        return Task.CompletedTask;
    }
}
