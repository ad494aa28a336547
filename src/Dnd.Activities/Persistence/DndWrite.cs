using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Workflows.Activities;

namespace Dnd.Activities.Persistence;

/// <summary>
/// One workflow write on the CRM's rows: consent (a SetDnd step), the outbox (a Send step) and the workflow's own
/// rows, all read and staged in the same account write, so what a step stages commits with it or not at all.
/// </summary>
public sealed class DndWrite(ConsentApplier consent, OutboundMessenger messenger, IWorkflowRows workflows) : IWorkflowWrite
{
    public ConsentApplier Consent => consent;

    public OutboundMessenger Messenger => messenger;

    public IWorkflowRows Workflows => workflows;

    public async ValueTask<object?> FindContactAsync(string accountId, string contactId, CancellationToken ct) =>
        await consent.Rows.FindContactAsync(accountId, contactId, ct);
}
