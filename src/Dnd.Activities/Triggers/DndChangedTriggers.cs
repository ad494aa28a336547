using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Dnd.Workflows.Runtime;

namespace Dnd.Activities.Triggers;

/// <summary>
/// Stages a <see cref="DndChangedTrigger"/>'s pending trigger in the write that starts or stops a channel blocking,
/// so the workflows listening for it start exactly once for each committed change and never for an undone one.
/// </summary>
public sealed class DndChangedTriggers : IConsentFollower
{
    public void BlockingChanged(IConsentRows rows, ContactRecord contact, Channel channel, ChannelDnd after, DateTimeOffset at) =>
        rows.Add(TriggerDispatcher.Pending(contact.AccountId, contact.Id, DndChangedTrigger.Kind,
            new DndChangedPayload(channel.ToWire(), after.Blocks, after.Status.ToString()), at));
}
