using Dnd.Workflows.Consent;
using Dnd.Workflows.Messaging;

namespace Dnd.Workflows.Activities;

/// <summary>
/// What one workflow write reads and stages through, all on the same rows: consent (a SetDnd step), the outbox (a
/// Send step) and the workflow's own rows. What is staged commits with the step or not at all.
/// </summary>
public sealed record WorkflowWrite(ConsentApplier Consent, OutboundMessenger Messenger, IWorkflowRows Workflows);
