using System.Net;

namespace Dnd.Host.Unsubscribe;

/// <summary>
/// Where an unsubscribe page leads for more than a one-tap stop: the preference center, for the link's contact. The
/// one-tap stop stays on the page itself (a contact who wants out should not have to choose among channels first).
/// </summary>
public static class PreferenceLink
{
    /// <param name="token">The contact's signed e-mail unsubscribe token.</param>
    public static string Html(string token, ContactPageTexts texts) =>
        $"<p><a href=\"/preferences/{WebUtility.UrlEncode(token)}\">{WebUtility.HtmlEncode(texts.ChooseMessages)}</a></p>";
}
