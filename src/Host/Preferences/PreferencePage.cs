using System.Net;
using Dnd.Host.Unsubscribe;
using Dnd.Rules.Decisions.Override;
using Dnd.Rules.Policy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Preferences;

/// <summary>
/// The preference center's HTML: one fieldset per channel (its state, and a button to turn it off or on, or why it
/// cannot be turned on here), then "Stop everything". Plain forms, so it works without JavaScript; the outcome of the
/// last choice sits in a status region that screen readers announce.
/// </summary>
public static class PreferencePage
{
    public static ContentHttpResult Render(ContactPageTexts texts, string brand, IReadOnlyList<PreferenceChannel> channels, string? pendingEmail,
        AntiforgeryTokenSet antiforgery, string? status)
    {
        var body = new System.Text.StringBuilder();
        body.Append($"<p>{E(string.Format(texts.Intro, brand))}</p>");
        body.Append($"<p role=\"status\">{E(status ?? "")}</p>");
        body.Append("<form method=\"post\">").Append(Hidden(antiforgery));
        foreach (var row in channels)
        {
            var label = texts.Channels[row.Channel];
            body.Append($"<fieldset><legend>{E(label)}</legend><p class=\"state\">{E(row.State.Blocks ? texts.Off : texts.On)}</p>");
            if (!row.State.Blocks)
            {
                body.Append(Button(new PreferenceChoice(row.Channel, false), string.Format(texts.TurnOff, label), secondary: true));
            }
            else if (row.Liftable)
            {
                if (row.Channel == Rules.Consent.Channel.Email && pendingEmail is not null)
                {
                    body.Append($"<p class=\"note\">{E(string.Format(texts.CheckInbox, pendingEmail))}</p>");
                }
                body.Append(Button(new PreferenceChoice(row.Channel, true), string.Format(texts.TurnOn, label), secondary: false));
            }
            else
            {
                body.Append($"<p class=\"note\">{E(Refusal(texts, brand, row.Lift!))}</p>");
            }
            body.Append("</fieldset>");
        }
        body.Append($"<p id=\"everything-hint\" class=\"note\">{E(texts.StopEverythingHint)}</p>");
        body.Append($"<button type=\"submit\" name=\"{PreferenceChoice.Field}\" value=\"{PreferenceChoice.Everything}\" aria-describedby=\"everything-hint\">{E(texts.StopEverything)}</button>");
        body.Append("</form>");
        return UnsubscribePage.Html(texts.Title, body.ToString(), brand, lang: texts.Lang);
    }

    /// <summary>Why the rules keep a channel off, in the contact's words: the spam lock and the carrier's block say what they are.</summary>
    public static string Refusal(ContactPageTexts texts, string brand, Judgement judgement) => judgement.Rule switch
    {
        nameof(SpamLockIsNeverLifted) => texts.SpamLocked,
        nameof(CarrierBlockIsLiftedOnlyOnTheChannel) => texts.CarrierBlocked,
        _ => string.Format(texts.NotLiftableHere, brand),
    };

    public static string Hidden(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken ?? "")}\">";

    private static string Button(PreferenceChoice choice, string text, bool secondary) =>
        $"<button type=\"submit\" name=\"{PreferenceChoice.Field}\" value=\"{E(choice.Value)}\"{(secondary ? " class=\"secondary\"" : "")}>{E(text)}</button>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
