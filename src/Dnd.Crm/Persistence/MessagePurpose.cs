namespace Dnd.Crm.Persistence;

/// <summary>Why a message is sent, which decides what may hold it back.</summary>
public static class MessagePurpose
{
    /// <summary>Promotions and campaigns: held while a possible opt-out on the channel waits for review. The default.</summary>
    public const string Marketing = "marketing";

    /// <summary>What the contact is owed (an appointment, a receipt): sent while a review is open, never past DND.</summary>
    public const string Transactional = "transactional";

    /// <summary>The one text allowed after an opt-out, within 5 minutes of it; nothing else passes DND.</summary>
    public const string OptOutConfirmation = "opt-out-confirmation";

    /// <summary>
    /// The e-mail a contact asked for on the preference center to confirm turning e-mail back on (double opt-in): it
    /// goes to the address still under DND, within <see cref="Messaging.OptInConfirmation.Window"/> of the request,
    /// unless the address is spam-locked. Transactional mail never passes DND, so this is its own purpose.
    /// </summary>
    public const string OptInConfirmation = "opt-in-confirmation";

    public static readonly IReadOnlyList<string> Chosen = [Marketing, Transactional];
}
