using Dnd.Crm.Persistence;

namespace Dnd.Crm.Messaging;

/// <param name="BlockedReason">Why nothing was sent, e.g. "SMS DND permanent (keyword_opt_out): ..."; null when sent.</param>
public sealed record SendResult(MessageRecord Message, string? BlockedReason)
{
    public bool Sent => BlockedReason is null;
}
