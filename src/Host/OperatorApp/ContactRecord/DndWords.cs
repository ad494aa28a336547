using System.Globalization;
using System.Text.RegularExpressions;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.ContactScreen;

/// <summary>
/// DND in staff's words: why a channel blocks (from the code the rules set, see <see cref="DndCodes"/> and the rule
/// tables), how lasting it is, and when. An unknown code shows the rule's own message.
/// </summary>
public static partial class DndWords
{
    public static string Why(ChannelDnd dnd)
    {
        if (dnd.SpamLock)
        {
            return "Marked as spam";
        }
        return dnd.Code switch
        {
            DndCodes.KeywordOptOut or DndCodes.TwilioOptOut => "Replied STOP",
            DndCodes.Twilio21610 => "Replied STOP to this number (carrier error 21610)",
            DndCodes.Meta131050 => "Stopped marketing messages in WhatsApp (Meta error 131050)",
            DndCodes.PhraseOptOut => "Asked to stop in their own words",
            DndCodes.Revocation => "Revoked consent (recorded by staff)",
            DndCodes.UserPermanent => "Opt-out recorded by a user",
            DndCodes.SmsLinkOptOut => "Opted out through a text's link",
            DndCodes.EmailUnsubscribe => "Unsubscribed",
            DndCodes.LinkUnsubscribeAll => "Unsubscribed from everything through a link",
            "spam_complaint" => "Marked as spam",
            "mailgun_bounce" => "E-mail bounced",
            "mailgun_generic" => "E-mail delivery failed",
            "user" => "Set by a user",
            { } code when CarrierError().Match(code) is { Success: true } m => $"Carrier error {m.Groups[1].Value}",
            _ => string.IsNullOrWhiteSpace(dnd.Message) ? dnd.Code ?? "DND on" : dnd.Message,
        };
    }

    public static string Lasting(DndKind kind) => kind switch
    {
        DndKind.SpamLock => "locked",
        DndKind.Permanent => "permanent",
        _ => "temporary",
    };

    /// <summary>A moment in the account's time zone: "4 Mar 2026, 14:02".</summary>
    public static string When(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Method(ConsentMethod method) => method switch
    {
        ConsentMethod.Written => "Written",
        ConsentMethod.WebForm => "Web form",
        ConsentMethod.VerbalRecording => "Verbal recording",
        _ => "Other",
    };

    [GeneratedRegex("^twilio_([0-9]+)$")]
    private static partial Regex CarrierError();
}
