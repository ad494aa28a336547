using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;

namespace Dnd.Activities;

/// <summary>Takes the contact out of every other workflow they are in (and this one, when asked).</summary>
[Activity("DND", "Remove from all workflows", "Cancels the contact's other running and waiting workflows.")]
public sealed class RemoveFromAllWorkflows : IActivity
{
    public const string TypeName = nameof(RemoveFromAllWorkflows);

    [Input("Also end this workflow.", DefaultValue = false)]
    public Input<bool> IncludeCurrent { get; } = new();

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var removed = await Cancel(context.Write.Workflows, context.Instance.AccountId, context.Instance.ContactId, except: context.Instance.Id, context.Now);
        var note = $"removed from {removed} other workflow(s)";
        return context.Get(IncludeCurrent) ? ActivityResult.End(note) : ActivityResult.Leave(ActivityResult.Done, note);
    }

    /// <summary>Cancels a contact's live instances and drops their bookmarks; shared with the API.</summary>
    public static async Task<int> Cancel(IWorkflowRows rows, string accountId, string contactId, string? except, DateTimeOffset now, string? definitionId = null)
    {
        var live = await rows.LiveInstancesAsync(accountId, contactId, except, definitionId, CancellationToken.None);
        foreach (var instance in live)
        {
            instance.Status = WorkflowStatus.Cancelled;
            instance.CurrentActivityId = null;
            instance.UpdatedAt = now;
            instance.Revision++;
            rows.Changed(instance);
        }
        await rows.DeleteBookmarksOfAsync(live.Select(i => i.Id).ToList(), CancellationToken.None);
        return live.Count;
    }
}
