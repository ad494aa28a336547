using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Activities;

/// <summary>Takes the contact out of every other workflow they are in (and this one, when asked).</summary>
public sealed class RemoveFromAllWorkflows : IActivity
{
    public const string TypeName = "RemoveFromAllWorkflows";

    public ActivityDescriptor Descriptor { get; } = new(TypeName, "Remove from all workflows", "DND",
        "Cancels the contact's other running and waiting workflows.", false,
        [ActivityResult.Done],
        [new PropertyDescriptor("includeCurrent", "boolean", false, "Also end this workflow.", false)]);

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var removed = await Cancel(context.Db, context.Instance.AccountId, context.Contact.Id, except: context.Instance.Id, context.Now);
        var note = $"removed from {removed} other workflow(s)";
        return context.Flag("includeCurrent", false) ? ActivityResult.End(note) : ActivityResult.Leave(ActivityResult.Done, note);
    }

    /// <summary>Cancels a contact's live instances and drops their bookmarks; shared with the API.</summary>
    public static async Task<int> Cancel(DndDbContext db, string accountId, string contactId, string? except, DateTimeOffset now, string? definitionId = null)
    {
        var live = await db.WorkflowInstances
            .Where(i => i.AccountId == accountId && i.ContactId == contactId && i.Id != except
                        && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended)
                        && (definitionId == null || i.DefinitionId == definitionId))
            .ToListAsync();
        foreach (var instance in live)
        {
            instance.Status = WorkflowStatus.Cancelled;
            instance.CurrentActivityId = null;
            instance.UpdatedAt = now;
            instance.Revision++;
        }
        var ids = live.Select(i => i.Id).ToList();
        db.Bookmarks.RemoveRange(await db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ToListAsync());
        return live.Count;
    }
}
