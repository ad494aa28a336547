using Dnd.Crm.Consent;
using Dnd.Rules.Consent;

namespace Dnd.Host.Unsubscribe;

public sealed partial record ContactPageTexts
{
    public static ContactPageTexts English { get; } = new()
    {
        Lang = PageLanguages.English,
        Title = "Your message preferences",
        Intro = "Choose how {0} may contact you.",
        Channels = new Dictionary<Channel, string>
        {
            [Channel.Call] = "Phone calls", [Channel.Email] = "Email", [Channel.Sms] = "Text messages (SMS)",
            [Channel.WhatsApp] = "WhatsApp", [Channel.Fb] = "Facebook messages", [Channel.Gmb] = "Google Business messages",
        },
        On = "On", Off = "Off",
        TurnOff = "Turn off {0}", TurnOn = "Turn on {0}",
        SpamLocked = "You reported our email as spam, so it stays off for good.",
        CarrierBlocked = "Your carrier blocks our texts to this number. Text START to us to get them again.",
        NotLiftableHere = "This can't be turned back on here. Contact {0} to change it.",
        CheckInbox = "Check your inbox: we sent a confirmation link to {0}. Email stays off until you confirm.",
        StopEverything = "Stop everything",
        StopEverythingHint = "Turns off every way we can reach you, including ones not listed here.",
        TurnedOff = "{0}: turned off.", TurnedOn = "{0}: turned back on.", EverythingOff = "Everything is turned off.",
        NotChanged = "{0}: not changed.",
        ConfirmTitle = "Confirm email",
        ConfirmQuestion = "Get emails from {0} at {1} again?",
        ConfirmButton = "Yes, send me emails",
        Confirmed = "Email is back on.",
        ConfirmEmailSubject = "Confirm you want emails from {0}",
        ConfirmEmailBody = "<p>You asked to get emails from {0} again. Confirm here: <a href=\"{1}\">{1}</a></p><p>If you did not ask, ignore this email: nothing changes.</p>",
        InvalidLinkTitle = "Invalid link",
        InvalidLink = "This link is not valid. Use the unsubscribe link in a recent message from us.",
        ExpiredLink = "This confirmation link has expired. Open your preferences again and turn email on to get a new one.",
        UsedLink = "This confirmation link was already used.",
        StalePage = "This page expired. Open the link again and repeat your choice.",
        UnknownChoice = "That choice is not on this page.",
        UnsubscribeTitle = "Unsubscribe",
        StopEmailsQuestion = "Stop receiving emails at {0}?",
        ThisAddress = "this address",
        UnsubscribeButton = "Unsubscribe",
        UnsubscribedTitle = "Unsubscribed",
        UnsubscribedFromEmail = "You have been unsubscribed. You will not receive further emails from us.",
        StopMessagesTitle = "Stop messages",
        StopSms = "Stop SMS",
        ChooseMessages = "Choose which messages you get",
    };
}
