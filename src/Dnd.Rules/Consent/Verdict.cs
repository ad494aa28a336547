namespace Dnd.Rules.Consent;

/// <summary>The outcome of one requested change.</summary>
public enum Verdict
{
    /// <summary>The change was applied.</summary>
    Applied,

    /// <summary>Nothing to change (already in that state, or the event is not a DND signal).</summary>
    Unchanged,

    /// <summary>The change was refused by policy (e.g. lifting a spam lock).</summary>
    Denied,
}
