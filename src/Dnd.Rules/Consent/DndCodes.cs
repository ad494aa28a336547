using System.Collections.Frozen;

namespace Dnd.Rules.Consent;

/// <summary>The DND codes the override rules tell apart: who may lift a channel's DND depends on which one it holds.</summary>
public static class DndCodes
{
    public const string KeywordOptOut = "keyword_opt_out";
    public const string TwilioOptOut = "twilio_opt_out";
    public const string Twilio21610 = "twilio_21610";
    public const string Twilio30004 = "twilio_30004";

    /// <summary>The contact stopped the business's marketing messages in WhatsApp itself (Meta's error 131050).</summary>
    public const string Meta131050 = "meta_131050";

    public const string UserPermanent = "user_permanent";
    public const string EmailUnsubscribe = "email_unsubscribe";
    public const string SmsLinkOptOut = "sms_link_opt_out";
    public const string LinkUnsubscribeAll = "link_unsubscribe_all";

    /// <summary>The contact asked to stop in their own words ("please stop texting me"), read as a clear opt-out.</summary>
    public const string PhraseOptOut = "phrase_opt_out";

    /// <summary>A revocation staff recorded: a possible opt-out they confirmed, or one received by call, e-mail or letter.</summary>
    public const string Revocation = "revocation";

    /// <summary>The contact turned a channel off (or everything) on the preference center: their own opt-out.</summary>
    public const string PreferenceOptOut = "preference_opt_out";

    /// <summary>A message that might be an opt-out, waiting for staff (a review, not a DND status).</summary>
    public const string PossibleOptOut = "possible_opt_out";

    /// <summary>
    /// The contact's unsubscribes (an email's link or Mailgun's, or "stop everything" on an SMS link's page): DND a user
    /// may lift saying why, a workflow never, and a form with the contact's consent re-subscribes.
    /// </summary>
    public static readonly FrozenSet<string> Unsubscribes = new[] { EmailUnsubscribe, LinkUnsubscribeAll }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The contact's own opt-outs (a keyword, their STOP or block as Twilio reports it, their stop of marketing as
    /// WhatsApp reports it, an SMS link, a user recording one): permanent, lifted by their opt-in on the channel or by
    /// a user who records proof of consent.
    /// </summary>
    public static readonly FrozenSet<string> ContactOptOuts =
        new[] { KeywordOptOut, TwilioOptOut, Twilio21610, Twilio30004, Meta131050, UserPermanent, SmsLinkOptOut, PhraseOptOut, Revocation, PreferenceOptOut }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Opt-outs the carrier itself enforces (Twilio blocks the sender for the number until the contact texts START to it):
    /// lifting our DND from a web page would not reach them, so only the contact's START on the channel lifts these.
    /// Meta's 131050 likewise: WhatsApp keeps refusing until the contact turns the business back on in WhatsApp.
    /// </summary>
    public static readonly FrozenSet<string> CarrierBlocks = new[] { TwilioOptOut, Twilio21610, Twilio30004, Meta131050 }.ToFrozenSet(StringComparer.Ordinal);
}
