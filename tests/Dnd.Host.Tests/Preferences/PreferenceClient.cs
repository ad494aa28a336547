using System.Net;
using System.Text.RegularExpressions;
using Dnd.Crm.Messaging;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Preferences;

/// <summary>A contact's browser on the preference center without JavaScript: it keeps cookies, and posts the form's own fields back.</summary>
public sealed partial class PreferenceClient(DndApp app, string path)
{
    private readonly HttpClient _client = app.CreateClient();

    public string Path => path;

    /// <summary>The page of this contact's e-mail unsubscribe token.</summary>
    public static PreferenceClient For(DndApp app, TestAccount account, string contactId) =>
        new(app, $"/preferences/{app.Services.GetRequiredService<UnsubscribeTokens>().Create(new UnsubscribeClaim(account.Id, contactId, "0123456789abcdef0123456789abcdef"))}");

    public string Html { get; private set; } = "";

    public async Task<string> OpenAsync(string? at = null)
    {
        var response = await _client.GetAsync(at ?? path);
        await Http.EnsureAsync(response, 200);
        return Html = await response.Content.ReadAsStringAsync();
    }

    /// <summary>Presses the button with this value on the page last opened (the antiforgery field included, as a browser would).</summary>
    public async Task<HttpResponseMessage> PressAsync(string? value, string? at = null)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(Html).Groups[1].Value) };
        if (value is not null)
        {
            fields["change"] = value;
        }
        var response = await _client.PostAsync(at ?? path, new FormUrlEncodedContent(fields));
        Html = await response.Content.ReadAsStringAsync();
        return response;
    }

    public Task<HttpResponseMessage> PostWithoutPageAsync(string value) =>
        app.CreateClient().PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["change"] = value }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
