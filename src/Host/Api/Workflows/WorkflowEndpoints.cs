using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Workflows;

/// <summary>Definitions (list, read, publish a version), the designer's activity palette, and instance inspection;
/// drafts, unpublish, rollback and delete are in <see cref="WorkflowLifecycleEndpoints"/>, templates in <see cref="WorkflowTemplateEndpoints"/>.</summary>
public static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");
        workflows.MapGet("/", ListAsync);
        workflows.MapGet("/activities", (ActivityRegistry registry) => TypedResults.Ok(new ActivityPaletteResponse(registry.Descriptors.ToList())));
        workflows.MapGet("/{workflowId}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapGet("/{workflowId}/versions", VersionsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        // Ids are the account's own: another account's workflow of the same id is neither seen nor touched.
        workflows.MapPut("/{workflowId}", PublishAsync).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workflows.MapGet("/instances/{instanceId}", InstanceAsync).ProducesProblem(StatusCodes.Status404NotFound);
        // 409: only an incident (a Faulted instance) can be resumed.
        workflows.MapPost("/instances/{instanceId}/resume", ResumeAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<WorkflowListResponse>> ListAsync(AccountContext account, DefinitionStore store, WorkflowDrafts drafts, CancellationToken ct) =>
        TypedResults.Ok(new WorkflowListResponse(await WorkflowSummaries.ListAsync(account.AccountId, store, drafts, ct)));

    /// <exception cref="WorkflowNotFoundException">404: no such definition, or another account's.</exception>
    private static async Task<Ok<WorkflowDefinition>> GetAsync(string workflowId, int? version, AccountContext account, DefinitionStore store,
        CancellationToken ct) =>
        await store.GetVisibleAsync(account.AccountId, workflowId, version, ct) is { } definition
            ? TypedResults.Ok(definition)
            : throw new WorkflowNotFoundException(workflowId);

    private static async Task<Ok<WorkflowVersionsResponse>> VersionsAsync(string workflowId, AccountContext account, DefinitionStore store,
        CancellationToken ct)
    {
        if (await store.GetVisibleAsync(account.AccountId, workflowId, ct: ct) is null)
        {
            throw new WorkflowNotFoundException(workflowId);
        }
        var versions = await store.VersionsAsync(account.AccountId, workflowId, ct);
        return TypedResults.Ok(new WorkflowVersionsResponse(
            versions.Select(v => new WorkflowVersionDto(v.Version, v.IsLatest, v.Source, v.PublishedAt)).ToList()));
    }

    private static async Task<Ok<WorkflowDefinition>> PublishAsync(string workflowId, WorkflowDefinition body, AccountContext account, DefinitionStore store,
        CancellationToken ct)
    {
        if (body.Id != workflowId)
        {
            throw new ApiValidationException($"The body's id must match the URL's '{workflowId}'.", fields: ["id"]);
        }
        return TypedResults.Ok(await store.PublishAsync(body, "api", account.AccountId, ct));
    }

    /// <summary>Runs an incident's failed activity again (attempts reset) and returns the instance as that left it.</summary>
    private static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> ResumeAsync(string instanceId, AccountContext account,
        WorkflowRuntime runtime, DndDbContext db, CancellationToken ct) =>
        await runtime.ResumeIncidentAsync(account.AccountId, instanceId, ct) switch
        {
            IncidentResume.NotFound => InstanceNotFound(instanceId),
            IncidentResume.NotFaulted => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Instance is not an incident",
                detail: $"Workflow instance {instanceId} is not Faulted; only a Faulted instance can be resumed."),
            _ => await InstanceAsync(instanceId, account, db, ct),
        };

    private static ProblemHttpResult InstanceNotFound(string instanceId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Instance not found", detail: $"Workflow instance {instanceId} does not exist.");

    private static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> InstanceAsync(string instanceId, AccountContext account,
        DndDbContext db, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId && i.AccountId == account.AccountId, ct);
        if (instance is null)
        {
            return InstanceNotFound(instanceId);
        }
        var log = await db.ExecutionLog.AsNoTracking().Where(l => l.InstanceId == instanceId).OrderBy(l => l.Step).ToListAsync(ct);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync(ct);
        return TypedResults.Ok(new WorkflowInstanceResponse(WorkflowInstanceDto.From(instance), log.Select(ExecutionLogDto.From).ToList(),
            bookmarks.Select(BookmarkDto.From).ToList()));
    }
}
