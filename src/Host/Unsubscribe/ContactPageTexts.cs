using Dnd.Crm.Consent;
using Dnd.Rules.Consent;

namespace Dnd.Host.Unsubscribe;

/// <summary>
/// Every word the preference center and the unsubscribe pages leading to it say, one instance per
/// <see cref="PageLanguages"/> language (ContactPageTexts.*.cs); each key is one required property, so a language cannot
/// leave one out. {0}, {1} are filled as each key's comment says. (The account's own compliance texts, shown on the
/// text unsubscribe page, are written by the account in its language.)
/// </summary>
public sealed partial record ContactPageTexts
{
    public required string Lang { get; init; }
    public required string Title { get; init; }
    /// <summary>{0}: the business.</summary>
    public required string Intro { get; init; }
    public required IReadOnlyDictionary<Channel, string> Channels { get; init; }
    public required string On { get; init; }
    public required string Off { get; init; }
    /// <summary>{0}: the channel.</summary>
    public required string TurnOff { get; init; }
    /// <summary>{0}: the channel.</summary>
    public required string TurnOn { get; init; }
    public required string SpamLocked { get; init; }
    public required string CarrierBlocked { get; init; }
    /// <summary>{0}: the business.</summary>
    public required string NotLiftableHere { get; init; }
    /// <summary>{0}: the address.</summary>
    public required string CheckInbox { get; init; }
    public required string StopEverything { get; init; }
    public required string StopEverythingHint { get; init; }
    /// <summary>{0}: the channel.</summary>
    public required string TurnedOff { get; init; }
    /// <summary>{0}: the channel.</summary>
    public required string TurnedOn { get; init; }
    public required string EverythingOff { get; init; }
    /// <summary>{0}: the channel.</summary>
    public required string NotChanged { get; init; }
    public required string ConfirmTitle { get; init; }
    /// <summary>{0}: the business, {1}: the address.</summary>
    public required string ConfirmQuestion { get; init; }
    public required string ConfirmButton { get; init; }
    public required string Confirmed { get; init; }
    /// <summary>{0}: the business.</summary>
    public required string ConfirmEmailSubject { get; init; }
    /// <summary>{0}: the business, {1}: the link (HTML-encoded).</summary>
    public required string ConfirmEmailBody { get; init; }
    public required string InvalidLinkTitle { get; init; }
    public required string InvalidLink { get; init; }
    public required string ExpiredLink { get; init; }
    public required string UsedLink { get; init; }
    public required string StalePage { get; init; }
    public required string UnknownChoice { get; init; }

    // The unsubscribe pages (a link in an email or a text).
    public required string UnsubscribeTitle { get; init; }
    /// <summary>{0}: the address, in bold.</summary>
    public required string StopEmailsQuestion { get; init; }
    public required string ThisAddress { get; init; }
    public required string UnsubscribeButton { get; init; }
    public required string UnsubscribedTitle { get; init; }
    public required string UnsubscribedFromEmail { get; init; }
    public required string StopMessagesTitle { get; init; }
    public required string StopSms { get; init; }
    public required string ChooseMessages { get; init; }

    /// <summary>The account's language's texts; English for a language we do not write (the settings never store one).</summary>
    public static ContactPageTexts For(string? language) => language switch
    {
        PageLanguages.Spanish => Spanish,
        _ => English,
    };

    public static IReadOnlyList<ContactPageTexts> All => [English, Spanish];
}
