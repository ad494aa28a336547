using Dnd.Host.Auth;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Dnd.Host.OpenApi;

/// <summary>
/// Groups of operations that share authentication and the error statuses they can return whatever the handler
/// does (the credential check, the body limit, the framework's body binding).
/// </summary>
public enum EndpointFamily
{
    /// <summary>Neither authenticated nor a webhook: /health.</summary>
    Public,

    /// <summary>The HighLevel-compatible API, behind the bearer API key.</summary>
    Api,

    /// <summary>/admin/*, behind X-Admin-Key.</summary>
    Admin,

    /// <summary>/webhooks/twilio/{accountId}/*, signed with X-Twilio-Signature.</summary>
    TwilioWebhook,

    /// <summary>/webhooks/mailgun/{accountId}, signed inside the JSON body.</summary>
    MailgunWebhook,

    /// <summary>/unsubscribe/{token} (email) and /u/{token} (a text's short link): the HMAC-signed token in the path is the only credential.</summary>
    Unsubscribe,
}

public static class EndpointFamilies
{
    public static EndpointFamily Of(ApiDescription description)
    {
        switch (description.ActionDescriptor.EndpointMetadata.OfType<Credential>().FirstOrDefault()?.Kind)
        {
            case CredentialKind.ApiKey:
                return EndpointFamily.Api;
            case CredentialKind.AdminKey:
                return EndpointFamily.Admin;
        }
        var path = "/" + (description.RelativePath ?? "").TrimStart('/');
        return path switch
        {
            _ when path.StartsWith("/webhooks/twilio/", StringComparison.OrdinalIgnoreCase) => EndpointFamily.TwilioWebhook,
            _ when path.StartsWith("/webhooks/mailgun/", StringComparison.OrdinalIgnoreCase) => EndpointFamily.MailgunWebhook,
            _ when path.StartsWith("/unsubscribe/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/u/", StringComparison.OrdinalIgnoreCase)
                => EndpointFamily.Unsubscribe,
            _ => EndpointFamily.Public,
        };
    }

    /// <summary>The last path segment, for the webhook kind: "sms", "status", "voice".</summary>
    public static string LastSegment(ApiDescription description) =>
        (description.RelativePath ?? "").TrimEnd('/').Split('/')[^1].ToLowerInvariant();
}
