using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Policy;
using Dnd.Rules.Data;

namespace Dnd.Bench;

/// <summary>
/// The same decisions as the JSON rules, written as C# switches: the baseline the rules path is measured against.
/// It returns the same rule names so the harness can prove both policies agree before timing them.
/// </summary>
internal sealed class HandWrittenPolicy : IDndPolicy
{
    private static readonly IReadOnlyList<Channel> Sms = [Channel.Sms];
    private static readonly IReadOnlyList<Channel> Email = [Channel.Email];

    public ValueTask<Classification> ClassifyAsync(ConsentEvent evt, AccountSettings settings) => new(evt switch
    {
        TwilioSmsStatusEvent e => (e.ErrorCode?.Trim()) switch
        {
            "30003" => Set("TwilioUnreachableHandset", Sms, DndStatus.Active, "twilio_30003", "Unreachable destination handset (Twilio 30003)"),
            "30004" => Set("TwilioMessageBlocked", Sms, DndStatus.Permanent, "twilio_30004", "Message blocked by the recipient or carrier (Twilio 30004)"),
            "30005" => Set("TwilioUnknownHandset", Sms, DndStatus.Active, "twilio_30005", "Unknown destination handset (Twilio 30005)"),
            "30006" => Set("TwilioLandlineOrUnreachableCarrier", Sms, DndStatus.Active, "twilio_30006", "Landline or unreachable carrier (Twilio 30006)"),
            "21610" => Set("TwilioUnsubscribedRecipient", Sms, DndStatus.Permanent, "twilio_21610", "Recipient has replied STOP to this sender (Twilio 21610)"),
            "30007" => Classification.Nothing("TwilioCarrierFilteringIsNotDnd", "Carrier filtering (Twilio 30007) is a content problem, not the contact's preference"),
            _ => NoMatch,
        },
        InboundMessageEvent e => Keyword(e, settings),
        MailgunEvent e => Mailgun(e, settings.UnsubscribeScope == UnsubscribeScope.AllChannels),
        UserDndChange e => e.Enable
            ? Set("UserEnablesDnd", e.Channel is { } c ? [c] : ChannelNames.All, DndStatus.Active, "user", "DND turned on by a user")
            : Lift("UserDisablesDnd", e.Channel is { } d ? [d] : ChannelNames.All, "DND turned off by a user"),
        FormSubmissionEvent e => e.ExplicitConsent
            ? Lift("FormExplicitConsentResubscribes", ChannelNames.All, "Contact gave explicit consent on a form")
            : Classification.Nothing("FormWithoutConsentChangesNothing", "Form submitted without the consent box ticked"),
        UnsubscribeLinkEvent => settings.UnsubscribeScope == UnsubscribeScope.AllChannels
            ? Set("UnsubscribeLinkAllChannels", ChannelNames.All, DndStatus.Permanent, "email_unsubscribe", "Contact used the unsubscribe link (account unsubscribes from all channels)")
            : Set("UnsubscribeLinkEmail", Email, DndStatus.Permanent, "email_unsubscribe", "Contact used the email unsubscribe link"),
        _ => throw new ArgumentException(evt.GetType().Name),
    });

    public ValueTask<Judgement> JudgeAsync(ChangeRequest r)
    {
        var lift = r.Kind == ChangeKind.Lift;
        var current = r.Current;
        var user = r.Actor is Actor.User or Actor.Workflow;
        return new(true switch
        {
            _ when lift && current.SpamLock => Deny("SpamLockIsNeverLifted", "a spam complaint locks email DND for good; nobody can lift it"),
            _ when !lift && current.SpamLock => Same("SpamLockIsNeverOverwritten", "the spam lock stays as it is"),
            _ when !lift && r.SpamLock => Apply("SpamLockOverridesAnyDnd", "a spam complaint locks email whatever DND it had"),
            _ when lift && current.Status == DndStatus.Inactive => Same("NothingToLift", "DND is already off"),
            _ when lift && user && current.Status == DndStatus.Permanent => Deny("UserCannotLiftPermanent", "permanent DND comes from the contact or the carrier; only the contact can lift it"),
            _ when lift && user => Apply("UserMayLiftActive", "users may lift DND that is not permanent"),
            _ when lift && r.Actor == Actor.Form && current.Code == "email_unsubscribe" => Apply("FormConsentLiftsUnsubscribe", "explicit form consent re-subscribes what an unsubscribe turned off"),
            _ when lift && r.Actor == Actor.Form => Deny("FormLiftsOnlyUnsubscribe", "a form re-subscribes only an unsubscribe, not bounces, user DND, carrier blocks or keyword opt-outs"),
            _ when lift && r.Actor == Actor.Contact && current.Code is "keyword_opt_out" or "twilio_21610" or "twilio_opt_out" => Apply("ContactOptInLiftsOwnOptOut", "the contact opted back in to what they had opted out of"),
            _ when lift => Deny("ContactOptInLiftsOnlyOptOuts", "this DND was not set by the contact's own opt-out, so their opt-in does not lift it"),
            _ when current.Status == DndStatus.Permanent && r.Target == DndStatus.Active => Same("NeverWeakenPermanent", "DND is already permanent; a weaker signal does not downgrade it"),
            _ when current.Status == r.Target => Same("AlreadyAtThisStatus", "DND is already at this status; the original reason is kept"),
            _ => Apply("StrengtheningIsAlwaysAllowed", "turning DND on or making it stricter is always allowed"),
        });
    }

    private static readonly Classification NoMatch = Classification.Nothing("NoRuleMatched", "no rule matched");

    private static Classification Keyword(InboundMessageEvent e, AccountSettings settings)
    {
        if (e.Channel is Channel.Sms or Channel.WhatsApp)
        {
            switch (e.OptOutType?.Trim().ToUpperInvariant())
            {
                case "STOP":
                    return Set("TwilioAdvancedOptOutStop", [e.Channel], DndStatus.Permanent, "twilio_opt_out", "Contact opted out; Twilio Advanced Opt-Out (OptOutType STOP) has already blocked this sender");
                case "START":
                    return Lift("TwilioAdvancedOptOutStart", [e.Channel], "Contact opted back in; Twilio Advanced Opt-Out (OptOutType START) has already unblocked this sender");
                case "HELP":
                    return Classification.Nothing("TwilioAdvancedOptOutHelp", "Contact asked for help (Twilio OptOutType HELP); consent is unchanged");
            }
        }
        if (!settings.KeywordChannels.Contains(e.Channel))
        {
            return NoMatch;
        }
        var word = KeywordNormalizer.Normalize(e.Body);
        if (settings.OptOutKeywords.Any(k => KeywordNormalizer.Normalize(k) == word) && word.Length > 0)
        {
            return Set("InboundOptOutKeyword", [e.Channel], DndStatus.Permanent, "keyword_opt_out", "Contact replied with an opt-out keyword");
        }
        return settings.OptInKeywords.Any(k => KeywordNormalizer.Normalize(k) == word) && word.Length > 0
            ? Lift("InboundOptInKeyword", [e.Channel], "Contact replied with an opt-in keyword")
            : NoMatch;
    }

    private static Classification Mailgun(MailgunEvent e, bool allChannels)
    {
        var evt = e.Event.Trim().ToLowerInvariant();
        var permanent = e.Severity?.Trim().ToLowerInvariant() == "permanent";
        var reason = e.Reason?.Trim().ToLowerInvariant();
        const string unsub = "email_unsubscribe";
        return (evt, permanent, reason) switch
        {
            ("failed", true, "bounce" or "suppress-bounce") => Set("MailgunHardBounce", Email, DndStatus.Active, "mailgun_bounce", "Email address bounced permanently (Mailgun)"),
            ("failed", true, "generic") => Set("MailgunGenericPermanentFailure", Email, DndStatus.Active, "mailgun_generic", "Email delivery failed permanently (Mailgun)"),
            ("failed", true, "suppress-unsubscribe") when allChannels => Set("MailgunSuppressedUnsubscribeAllChannels", ChannelNames.All, DndStatus.Permanent, unsub, "Address is on Mailgun's unsubscribe list"),
            ("failed", true, "suppress-unsubscribe") => Set("MailgunSuppressedUnsubscribe", Email, DndStatus.Permanent, unsub, "Address is on Mailgun's unsubscribe list"),
            ("failed", true, "suppress-complaint") => SpamLock("MailgunSuppressedComplaint", "Address is on Mailgun's complaint list: spam lock"),
            ("unsubscribed", _, _) when allChannels => Set("MailgunUnsubscribedAllChannels", ChannelNames.All, DndStatus.Permanent, unsub, "Contact unsubscribed (account unsubscribes from all channels)"),
            ("unsubscribed", _, _) => Set("MailgunUnsubscribed", Email, DndStatus.Permanent, unsub, "Contact unsubscribed from email"),
            ("complained", _, _) => SpamLock("MailgunComplained", "Contact marked an email as spam: spam lock"),
            ("failed", false, _) => Classification.Nothing("MailgunTemporaryFailureIsNotDnd", "Temporary delivery failure; Mailgun retries"),
            _ => NoMatch,
        };
    }

    private static Classification Set(string rule, IReadOnlyList<Channel> channels, DndStatus status, string code, string message) =>
        new(rule, ChangeKind.Set, channels, status, code, message, false);

    private static Classification SpamLock(string rule, string message) =>
        new(rule, ChangeKind.Set, Email, DndStatus.Permanent, "spam_complaint", message, true);

    private static Classification Lift(string rule, IReadOnlyList<Channel> channels, string message) =>
        new(rule, ChangeKind.Lift, channels, DndStatus.Inactive, null, message, false);

    private static Judgement Apply(string rule, string reason) => new(Verdict.Applied, rule, reason);
    private static Judgement Deny(string rule, string reason) => new(Verdict.Denied, rule, reason);
    private static Judgement Same(string rule, string reason) => new(Verdict.Unchanged, rule, reason);
}
