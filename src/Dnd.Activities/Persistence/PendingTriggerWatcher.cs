using Dnd.Shared.Signals;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Persistence;

namespace Dnd.Activities.Persistence;

/// <summary>Wakes the workflow worker once a write that added pending triggers commits, instead of at its next poll.</summary>
public sealed class PendingTriggerWatcher(WorkSignal signal) : ICommitWatcher
{
    public bool Wants(object row) => row is PendingTriggerRecord;

    public void Committed() => signal.Pulse();
}
