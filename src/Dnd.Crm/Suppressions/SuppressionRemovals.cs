using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Dnd.Shared.Ids;
using Dnd.Shared.Signals;

namespace Dnd.Crm.Suppressions;

/// <summary>
/// Stages, in the write that lifts a contact's e-mail DND, the address's removal from the provider's suppression lists:
/// otherwise Mailgun would go on dropping the mail the lift allows (the help article's manual step, done for the user).
/// Wakes the <see cref="SuppressionRemover"/> once such a write commits.
/// </summary>
public sealed class SuppressionRemovals : IConsentFollower, ICommitWatcher
{
    public WorkSignal Signal { get; } = new();

    public void BlockingChanged(IConsentRows rows, ContactRecord contact, Channel channel, ChannelDnd after, DateTimeOffset at)
    {
        if (channel != Channel.Email || after.Blocks || string.IsNullOrEmpty(contact.Email))
        {
            return;
        }
        rows.Add(new SuppressionRemovalRecord
        {
            Id = RowIds.New(), AccountId = contact.AccountId, ContactId = contact.Id, Address = contact.Email,
            Status = SuppressionRemovalStatus.Pending, CreatedAt = at, NextAttemptAt = at,
        });
    }

    public bool Wants(object row) => row is SuppressionRemovalRecord;

    public void Committed() => Signal.Pulse();
}
