using Dnd.Crm.Subscriptions;
using Dnd.Host.Errors;

namespace Dnd.Host.Api.Subscriptions;

/// <summary>What a subscription request must be: an https URL (or http to this machine, when allowed) and known events.</summary>
public static class WebhookSubscriptionValidation
{
    public const int MaxUrlLength = 2048;

    /// <returns>The URL and the events under their own spelling, without repeats.</returns>
    /// <exception cref="ApiValidationException">422 naming url and/or events.</exception>
    public static (string Url, IReadOnlyList<string> Events) Check(WebhookSubscriptionRequest body, WebhookOptions options)
    {
        var errors = new FieldErrors();
        errors.Required("url", body.Url).MaxLength("url", body.Url, MaxUrlLength);
        if (!string.IsNullOrWhiteSpace(body.Url) && body.Url.Length <= MaxUrlLength && Refusal(body.Url.Trim(), options) is { } why)
        {
            errors.Add("url", why);
        }
        var events = new List<string>();
        if (body.Events is not { Count: > 0 })
        {
            errors.Add("events", $"events must name at least one of {string.Join(", ", WebhookEvents.All)}");
        }
        else
        {
            foreach (var name in body.Events)
            {
                if (!WebhookEvents.TryParse(name, out var evt))
                {
                    errors.Add("events", $"'{name}' is not an event; one of {string.Join(", ", WebhookEvents.All)}");
                }
                else if (!events.Contains(evt))
                {
                    events.Add(evt);
                }
            }
        }
        errors.ThrowIfAny("The subscription was not created.");
        return (body.Url!.Trim(), events);
    }

    private static string? Refusal(string url, WebhookOptions options)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "url must be an absolute https URL";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "url must not carry a user name or password";
        }
        if (uri.Scheme == "http" && !(options.AllowLocalHttp && uri.Host is "localhost" or "127.0.0.1"))
        {
            return options.AllowLocalHttp ? "url must be https (http only to localhost or 127.0.0.1)" : "url must be https";
        }
        return null;
    }
}
