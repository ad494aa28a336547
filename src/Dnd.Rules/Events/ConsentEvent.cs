using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>Something that may change a contact's DND: a provider callback, a reply, a user action, a form.</summary>
public abstract record ConsentEvent
{
    /// <summary>Stable event kind, e.g. "twilio.sms-status".</summary>
    public abstract string Kind { get; }

    public abstract Actor Actor { get; }

    /// <summary>Who or what produced it, stored as the DND source (e.g. "twilio", "user:42").</summary>
    public abstract string Source { get; }

    /// <summary>A note from whoever caused the event, stored as the DND message instead of the rule's own.</summary>
    public virtual string? Note => null;

    /// <summary>Proof of the contact's consent a user recorded with the event; only a user's lift carries one.</summary>
    public virtual ConsentProof? Proof => null;

    /// <summary>
    /// The contact acted through one of our signed web links rather than on the channel itself (a page, not a text to
    /// the number): a carrier's block is not lifted that way, since only the contact's START to the number lifts it.
    /// </summary>
    public virtual bool ViaLink => false;

    /// <summary>
    /// Exactly who or what acted, for the ledger: the API key's name and id, the workflow with its version and step,
    /// the provider with its event id, the link or form. Set by whoever received the event; null for the rules' own lines.
    /// </summary>
    public string? ActedBy { get; init; }

    /// <summary>The client's IP address, for events that came over HTTP from outside (links, forms, webhooks, the API).</summary>
    public string? ClientIp { get; init; }

    /// <summary>Short human description for the ledger, e.g. "twilio.sms-status ErrorCode=30003".</summary>
    public abstract string Describe();
}
