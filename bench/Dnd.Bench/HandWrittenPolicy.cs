using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Events;
using Dnd.Rules.Policy;

namespace Dnd.Bench;

/// <summary>
/// The same decisions as the NRules rules (src/Dnd.Rules/Decisions and the shipped tables in src/Dnd.Rules/RuleData),
/// written as C# switches: the baseline the rules path is measured against. It returns the same rule names, channels,
/// statuses, codes and messages so the harness can prove the policies write identical ledgers before timing them.
/// Like the rules, it reads the message through the Data layer (keyword lists, <see cref="AccountSettings.ReadOptOut"/>);
/// only the decision is replaced. It knows the shipped tables, not an account's own (the bench uses none).
/// </summary>
internal sealed class HandWrittenPolicy : IDndPolicy
{
    private static readonly IReadOnlyList<Channel> Sms = [Channel.Sms];
    private static readonly IReadOnlyList<Channel> Email = [Channel.Email];
    private static readonly IReadOnlyList<Channel>[] Single = ChannelNames.All.Select(c => (IReadOnlyList<Channel>)[c]).ToArray();

    public ValueTask<Classification> ClassifyAsync(ConsentEvent evt, AccountSettings settings) => new(evt switch
    {
        TwilioSmsStatusEvent e => Twilio(e),
        InboundMessageEvent e => Inbound(e, settings),
        MailgunEvent e => Mailgun(e, settings.UnsubscribeScope == UnsubscribeScope.AllChannels),
        UserDndChange e => User(e),
        FormSubmissionEvent e => e.ExplicitConsent
            ? Lift("FormExplicitConsentResubscribes", ChannelNames.All, "Contact gave explicit consent on a form")
            : Classification.Nothing("FormWithoutConsentChangesNothing", "Form submitted without the consent box ticked"),
        UnsubscribeLinkEvent e => Link(e, settings.UnsubscribeScope == UnsubscribeScope.AllChannels),
        RevocationRecorded e => e.Method.Length > 0
            ? Set("RevocationIsHonoured", [.. e.Channels.Union(settings.RevocationScope)], DndStatus.Permanent, DndCodes.Revocation,
                "The contact revoked consent; any reasonable means counts")
            : NoMatch(e),
        _ => throw new ArgumentException(evt.GetType().Name),
    });

    /// <summary>The override rules, highest priority first (SpamLockIsNeverLifted 130 ... StrengtheningIsAlwaysAllowed 10).</summary>
    public ValueTask<Judgement> JudgeAsync(ChangeRequest r)
    {
        var lift = r.Kind == ChangeKind.Lift;
        var set = r.Kind == ChangeKind.Set;
        var current = r.Current;
        var code = current.Code ?? string.Empty;
        var user = r.Actor is Actor.User or Actor.Workflow;
        var unsubscribe = DndCodes.Unsubscribes.Contains(code);
        return new(true switch
        {
            _ when lift && current.SpamLock => Deny("SpamLockIsNeverLifted", "a spam complaint locks email DND for good; nobody can lift it"),
            _ when set && current.SpamLock => Same("SpamLockIsNeverOverwritten", "the spam lock stays as it is"),
            _ when set && r.SpamLock => Apply("SpamLockOverridesAnyDnd", "a spam complaint locks email whatever DND it had"),
            _ when lift && current.Status == DndStatus.Inactive => Same("NothingToLift", "DND is already off"),
            _ when lift && r.Actor == Actor.User && current.Status == DndStatus.Permanent && r.WithProof =>
                Apply("UserLiftsPermanentWithProof", "a user recorded proof of the contact's consent (how, when, the evidence, who recorded it), which lifts a permanent DND"),
            _ when lift && user && current.Status == DndStatus.Permanent => Deny("UserCannotLiftPermanent",
                "permanent DND is the contact's own opt-out, whoever reported it (a keyword, the carrier, a user recording it); only the contact's own opt-in lifts it, " +
                "or a user who records proof of consent (how it was given, when, the evidence)"),
            _ when lift && r.Actor == Actor.Workflow && unsubscribe => Deny("WorkflowCannotLiftUnsubscribe",
                "an unsubscribe is the contact's own choice; a workflow does not undo it (a user may, saying why, or the contact's consent on a form)"),
            _ when lift && r.Actor == Actor.User && unsubscribe && !r.WithReason && !r.WithProof => Deny("UserLiftsUnsubscribeOnlyWithReason",
                "lifting the contact's own unsubscribe needs the user's reason (the change's message) or a proof of the contact's consent, kept on the ledger line"),
            _ when lift && user => Apply("UserMayLiftActive", "users may lift DND that is not permanent"),
            _ when lift && r.Actor == Actor.Form && unsubscribe => Apply("FormConsentLiftsUnsubscribe", "explicit form consent re-subscribes what an unsubscribe turned off"),
            _ when lift && r.Actor == Actor.Form => Deny("FormLiftsOnlyUnsubscribe", "a form re-subscribes only an unsubscribe, not bounces, user DND, carrier blocks or keyword opt-outs"),
            _ when lift && r.Actor == Actor.Contact && DndCodes.ContactOptOuts.Contains(code) => Apply("ContactOptInLiftsOwnOptOut",
                "the contact opted back in to what they had opted out of, by keyword or carrier or as a user recorded it"),
            _ when lift => Deny("ContactOptInLiftsOnlyOptOuts", "this DND was not set by the contact's own opt-out, so their opt-in does not lift it"),
            _ when set && current.Status == DndStatus.Permanent && r.Target == DndStatus.Active => Same("NeverWeakenPermanent", "DND is already permanent; a weaker signal does not downgrade it"),
            _ when set && current.Status == r.Target => Same("AlreadyAtThisStatus", "DND is already at this status; the original reason is kept"),
            _ when set => Apply("StrengtheningIsAlwaysAllowed", "turning DND on or making it stricter is always allowed"),
            _ => Deny("NoOverrideRuleMatched", "no override rule allows this change"),
        });
    }

    private static Classification NoMatch(ConsentEvent evt) => Classification.Nothing("NoRuleMatched", $"no {evt.Kind} rule matched");

    /// <summary>twilio-error-codes.json; the status itself is not read.</summary>
    private static Classification Twilio(TwilioSmsStatusEvent e) => (e.ErrorCode?.Trim()) switch
    {
        "30003" => Set("TwilioUnreachableHandset", Sms, DndStatus.Active, "twilio_30003", "Unreachable destination handset (Twilio 30003)"),
        "30004" => Set("TwilioMessageBlocked", Sms, DndStatus.Permanent, DndCodes.Twilio30004, "Message blocked by the recipient or carrier (Twilio 30004)"),
        "30005" => Set("TwilioUnknownHandset", Sms, DndStatus.Active, "twilio_30005", "Unknown destination handset (Twilio 30005)"),
        "30006" => Set("TwilioLandlineOrUnreachableCarrier", Sms, DndStatus.Active, "twilio_30006", "Landline or unreachable carrier (Twilio 30006)"),
        "21610" => Set("TwilioUnsubscribedRecipient", Sms, DndStatus.Permanent, DndCodes.Twilio21610, "Recipient has replied STOP to this sender (Twilio 21610)"),
        "30007" => Classification.Nothing("TwilioCarrierFilteringIsNotDnd", "Carrier filtering (Twilio 30007) is a content problem, not the contact's preference"),
        _ => NoMatch(e),
    };

    /// <summary>
    /// The inbound rules by priority: Twilio Advanced Opt-Out (STOP 50, START 40, HELP 30), the account's opt-out keyword (20),
    /// a per-se opt-out word (16), a clear phrase (15), the opt-in keyword (10), then the reviews (possible 6, word in a sentence 5,
    /// a refusal in reply 4).
    /// </summary>
    private static Classification Inbound(InboundMessageEvent e, AccountSettings settings)
    {
        var channel = e.Channel;
        if (channel is Channel.Sms or Channel.WhatsApp)
        {
            switch (e.OptOutType?.Trim().ToUpperInvariant())
            {
                case "STOP":
                    return Set("TwilioAdvancedOptOutStop", Revoked(channel, settings), DndStatus.Permanent, DndCodes.TwilioOptOut,
                        "Contact opted out; Twilio Advanced Opt-Out (OptOutType STOP) has already blocked this sender");
                case "START":
                    return Lift("TwilioAdvancedOptOutStart", Single[(int)channel], "Contact opted back in; Twilio Advanced Opt-Out (OptOutType START) has already unblocked this sender");
                case "HELP":
                    return Classification.Nothing("TwilioAdvancedOptOutHelp", "Contact asked for help (Twilio OptOutType HELP); consent is unchanged");
            }
        }
        var (lists, keywordChannel) = settings.KeywordsFor(channel);
        var keyword = lists.Classify(KeywordNormalizer.Normalize(e.Body));
        if (keywordChannel && keyword == KeywordKind.OptOut)
        {
            return Set("InboundOptOutKeyword", Revoked(channel, settings), DndStatus.Permanent, DndCodes.KeywordOptOut, "Contact replied with an opt-out keyword");
        }
        // Calls carry no text: their wording is never read.
        var optOut = channel == Channel.Call ? OptOutReading.Nothing : settings.ReadOptOut(e.Body);
        return optOut.Signal switch
        {
            OptOutSignal.Keyword => Set("InboundPerSeOptOutWord", Revoked(channel, settings), DndStatus.Permanent, DndCodes.PhraseOptOut,
                $"Contact replied with the opt-out word {optOut.Quote()}"),
            OptOutSignal.Clear => Set("InboundClearOptOutPhrase", Revoked(channel, settings), DndStatus.Permanent, DndCodes.PhraseOptOut,
                $"Contact asked to stop: clear opt-out phrase {optOut.Quote()}"),
            _ when keywordChannel && keyword == KeywordKind.OptIn => Lift("InboundOptInKeyword", Single[(int)channel], "Contact replied with an opt-in keyword"),
            OptOutSignal.Possible => Review("InboundPossibleOptOutPhrase", channel, $"Possible opt-out: the message says {optOut.Quote()}"),
            OptOutSignal.KeywordInSentence => Review("InboundOptOutWordInSentence", channel,
                $"Possible opt-out: the opt-out word {optOut.Quote()} inside a sentence that is not a known opt-out phrase"),
            OptOutSignal.InReplyOnly when e.InReplyToUs => Review("InboundRefusalInReplyToUs", channel, $"Possible opt-out: {optOut.Quote()} in reply to our message"),
            _ => NoMatch(e),
        };
    }

    /// <summary>A contact's opt-out by text stops its channel and the account's revocation scope (NRulesPolicy.EventChannels).</summary>
    private static IReadOnlyList<Channel> Revoked(Channel channel, AccountSettings settings) =>
        settings.RevocationScope.Count == 0 ? Single[(int)channel] : [channel, .. settings.RevocationScope.Where(c => c != channel)];

    /// <summary>mailgun-events.json in file order (the first entry decides), then MailgunTemporaryFailureIsNotDnd.</summary>
    private static Classification Mailgun(MailgunEvent e, bool allChannels)
    {
        var evt = MailgunEvents.Lower(e.Event);
        var permanent = MailgunEvents.Lower(e.Severity) == "permanent";
        var reason = MailgunEvents.Lower(e.Reason);
        const string unsub = DndCodes.EmailUnsubscribe;
        return (evt, permanent, reason) switch
        {
            ("failed", true, "bounce" or "suppress-bounce") => Set("MailgunHardBounce", Email, DndStatus.Active, "mailgun_bounce", "Email address bounced permanently (Mailgun)"),
            ("failed", true, "generic") => Set("MailgunGenericPermanentFailure", Email, DndStatus.Active, "mailgun_generic", "Email delivery failed permanently (Mailgun)"),
            ("failed", true, "suppress-unsubscribe") when allChannels =>
                Set("MailgunSuppressedUnsubscribeAllChannels", ChannelNames.All, DndStatus.Active, unsub, "Address is on Mailgun's unsubscribe list"),
            ("failed", true, "suppress-unsubscribe") => Set("MailgunSuppressedUnsubscribe", Email, DndStatus.Active, unsub, "Address is on Mailgun's unsubscribe list"),
            ("failed", true, "suppress-complaint") => SpamLock("MailgunSuppressedComplaint", "Address is on Mailgun's complaint list: spam lock"),
            ("unsubscribed", _, _) when allChannels =>
                Set("MailgunUnsubscribedAllChannels", ChannelNames.All, DndStatus.Active, unsub, "Contact unsubscribed (account unsubscribes from all channels)"),
            ("unsubscribed", _, _) => Set("MailgunUnsubscribed", Email, DndStatus.Active, unsub, "Contact unsubscribed from email"),
            ("complained", _, _) => SpamLock("MailgunComplained", "Contact marked an email as spam: spam lock"),
            ("failed", false, _) => Classification.Nothing("MailgunTemporaryFailureIsNotDnd", "Temporary delivery failure; Mailgun retries"),
            _ => NoMatch(e),
        };
    }

    /// <summary>UserRecordsPermanentDnd (30), UserEnablesDnd (20), UserDisablesDnd (10); a null channel is every channel.</summary>
    private static Classification User(UserDndChange e)
    {
        var channels = e.Channel is { } c ? Single[(int)c] : ChannelNames.All;
        return (e.Enable, e.Permanent) switch
        {
            (true, true) => Set("UserRecordsPermanentDnd", channels, DndStatus.Permanent, DndCodes.UserPermanent,
                "A user recorded the contact's permanent opt-out; only the contact's own opt-in lifts it"),
            (true, false) => Set("UserEnablesDnd", channels, DndStatus.Active, "user", "DND turned on by a user"),
            _ => Lift("UserDisablesDnd", channels, "DND turned off by a user"),
        };
    }

    /// <summary>UnsubscribeLinkEverything (30), UnsubscribeLinkAllChannels (20), UnsubscribeLinkEmail (10), UnsubscribeLinkSms (5).</summary>
    private static Classification Link(UnsubscribeLinkEvent e, bool allChannels) => (e.Everything, e.LinkChannel) switch
    {
        (true, _) => Set("UnsubscribeLinkEverything", ChannelNames.All, DndStatus.Active, DndCodes.LinkUnsubscribeAll,
            "Contact asked to stop every channel through an unsubscribe link"),
        (_, Channel.Email) when allChannels => Set("UnsubscribeLinkAllChannels", ChannelNames.All, DndStatus.Active, DndCodes.EmailUnsubscribe,
            "Contact used the unsubscribe link (account unsubscribes from all channels)"),
        (_, Channel.Email) => Set("UnsubscribeLinkEmail", Email, DndStatus.Active, DndCodes.EmailUnsubscribe, "Contact used the email unsubscribe link"),
        (_, Channel.Sms) => Set("UnsubscribeLinkSms", Sms, DndStatus.Permanent, DndCodes.SmsLinkOptOut, "Contact stopped SMS through the unsubscribe link of a text"),
        _ => NoMatch(e),
    };

    private static Classification Set(string rule, IReadOnlyList<Channel> channels, DndStatus status, string code, string message) =>
        new(rule, ChangeKind.Set, channels, status, code, message, false);

    private static Classification SpamLock(string rule, string message) =>
        new(rule, ChangeKind.Set, Email, DndStatus.Permanent, "spam_complaint", message, true);

    private static Classification Lift(string rule, IReadOnlyList<Channel> channels, string message) =>
        new(rule, ChangeKind.Lift, channels, DndStatus.Inactive, null, message, false);

    private static Classification Review(string rule, Channel channel, string message) =>
        new(rule, ChangeKind.Review, Single[(int)channel], DndStatus.Inactive, DndCodes.PossibleOptOut, message, false);

    private static Judgement Apply(string rule, string reason) => new(Verdict.Applied, rule, reason);
    private static Judgement Deny(string rule, string reason) => new(Verdict.Denied, rule, reason);
    private static Judgement Same(string rule, string reason) => new(Verdict.Unchanged, rule, reason);
}
