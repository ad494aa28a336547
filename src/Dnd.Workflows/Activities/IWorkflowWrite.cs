namespace Dnd.Workflows.Activities;

/// <summary>
/// One workflow write (a step, a trigger's claim, a fault): the workflow's own rows, and whatever else the
/// application lets its activities write in it (consent, the outbox), all committed together or not at all.
/// </summary>
public interface IWorkflowWrite
{
    IWorkflowRows Workflows { get; }

    /// <summary>The contact an instance runs for, as the application stores it, read in this write; null once deleted.</summary>
    ValueTask<object?> FindContactAsync(string accountId, string contactId, CancellationToken ct);
}
