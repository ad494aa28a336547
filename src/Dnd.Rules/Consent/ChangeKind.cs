namespace Dnd.Rules.Consent;

/// <summary>What an event asks for on its channels.</summary>
public enum ChangeKind
{
    /// <summary>Not a DND signal (e.g. Twilio 30007 carrier filtering).</summary>
    None,

    /// <summary>Turn DND on at the requested status.</summary>
    Set,

    /// <summary>Turn DND off.</summary>
    Lift,

    /// <summary>
    /// Perhaps the contact asked to stop (words a reasonable person might read either way): nothing changes yet; the
    /// message waits in the account's review queue, where staff confirm or dismiss it before its deadline.
    /// </summary>
    Review,
}
