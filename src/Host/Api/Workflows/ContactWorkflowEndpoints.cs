using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Workflows;

/// <summary>HighLevel's add/remove contact to/from a workflow, and the contact's workflow history.</summary>
public static class ContactWorkflowEndpoints
{
    public static void MapContactWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts/{contactId}").WithTags("Workflows");
        group.MapPost("/workflow/{workflowId}", AddAsync);
        group.MapDelete("/workflow/{workflowId}", RemoveAsync);
        group.MapGet("/workflows", ListAsync);
    }

    private static async Task<IResult> AddAsync(string contactId, string workflowId, AccountContext account, WorkflowRuntime runtime, CancellationToken ct)
    {
        var instance = await runtime.StartAsync(account.AccountId, contactId, workflowId, input: null, ct);
        return instance is null
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already in workflow",
                detail: $"Contact {contactId} is already in workflow {workflowId}, which does not allow re-entry.")
            : Results.Ok(new { succeded = true, instanceId = instance.Id });
    }

    private static async Task<IResult> RemoveAsync(string contactId, string workflowId, AccountContext account, DndDbContext db, AccountWrites writes,
        TimeProvider clock, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(account.AccountId, ct);
        await ContactEndpoints.FindAsync(db, account, contactId, ct);
        var removed = await RemoveFromAllWorkflows.Cancel(db, account.AccountId, contactId, except: null, clock.GetUtcNow(), workflowId);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return Results.Ok(new { succeded = true, removed });
    }

    private static async Task<IResult> ListAsync(string contactId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        await ContactEndpoints.FindAsync(db, account, contactId, ct);
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.AccountId == account.AccountId && i.ContactId == contactId)
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var ids = instances.Select(i => i.Id).ToList();
        var logs = (await db.ExecutionLog.AsNoTracking().Where(l => ids.Contains(l.InstanceId)).ToListAsync(ct))
            .OrderBy(l => l.Step).GroupBy(l => l.InstanceId).ToDictionary(g => g.Key, g => g.ToList());
        return Results.Ok(new
        {
            instances = instances.Select(i => new { instance = i, log = logs.GetValueOrDefault(i.Id) ?? [] }),
        });
    }
}
