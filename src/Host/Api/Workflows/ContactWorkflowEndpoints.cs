using Dnd.Activities.Persistence;
using Dnd.Activities;
using Dnd.Host.Auth;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Workflows;

/// <summary>HighLevel's add/remove contact to/from a workflow, and the contact's workflow history.</summary>
public static class ContactWorkflowEndpoints
{
    public static void MapContactWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts/{contactId}").WithTags("Workflows");
        group.MapPost("/workflow/{workflowId}", AddAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/workflow/{workflowId}", RemoveAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/workflows", ListAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>404 for a contact or workflow the account cannot see (or deleted); 409 when the contact is in it and re-entry is
    /// off, or the workflow is unpublished.</summary>
    private static async Task<Results<Ok<AddToWorkflowResponse>, ProblemHttpResult>> AddAsync(string contactId, string workflowId, AccountContext account,
        WorkflowRuntime runtime, CancellationToken ct)
    {
        var instance = await runtime.StartAsync(account.AccountId, contactId, workflowId, input: null, ct);
        return instance is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already in workflow",
                detail: $"Contact {contactId} is already in workflow {workflowId}, which does not allow re-entry.")
            : TypedResults.Ok(new AddToWorkflowResponse(true, instance.Id));
    }

    private static async Task<Ok<RemoveFromWorkflowResponse>> RemoveAsync(string contactId, string workflowId, AccountContext account, DndDbContext db,
        AccountWrites writes, ConsentService consent, DefinitionStore definitions, TimeProvider clock, CancellationToken ct)
    {
        // Another account's workflow id is as unknown here as one that never existed, rather than "nothing to remove";
        // a deleted workflow (or a legacy shared one) is known, so the contacts still in it can be taken out.
        if (!await definitions.KnownToAsync(account.AccountId, workflowId, ct))
        {
            throw new WorkflowNotFoundException(workflowId);
        }
        await using var write = await writes.BeginAsync(account.AccountId, ct);
        await consent.LoadAsync(account.AccountId, contactId, ct);
        var removed = await RemoveFromAllWorkflows.Cancel(new EfWorkflowRows(new WorkflowDb(db)), account.AccountId, contactId, except: null, clock.GetUtcNow(), workflowId);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return TypedResults.Ok(new RemoveFromWorkflowResponse(true, removed));
    }

    private static async Task<Ok<ContactWorkflowsResponse>> ListAsync(string contactId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId && c.AccountId == account.AccountId, ct))
        {
            throw new ContactNotFoundException(contactId);
        }
        return TypedResults.Ok(new ContactWorkflowsResponse(await ContactWorkflowEntry.ForContactAsync(db, account.AccountId, contactId, ct)));
    }
}
