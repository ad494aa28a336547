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

    /// <summary>Short human description for the ledger, e.g. "twilio.sms-status ErrorCode=30003".</summary>
    public abstract string Describe();
}
