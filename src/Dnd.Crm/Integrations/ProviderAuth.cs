using System.Net.Http.Headers;
using System.Text;

namespace Dnd.Crm.Integrations;

/// <summary>How each HTTP provider is authenticated: basic auth, Twilio with the account SID and auth token, Mailgun with "api" and the key; Meta with a bearer token.</summary>
public static class ProviderAuth
{
    public static AuthenticationHeaderValue Twilio(string accountSid, string authToken) => Basic(accountSid, authToken);

    public static AuthenticationHeaderValue Mailgun(string apiKey) => Basic("api", apiKey);

    /// <summary>Meta's Graph API takes the page or system user token as a bearer token.</summary>
    public static AuthenticationHeaderValue Meta(string accessToken) => new("Bearer", accessToken);

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
