using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Workflows;

/// <summary>Definitions (list, read, publish a version), the designer's activity palette, and instance inspection.</summary>
public static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");
        workflows.MapGet("/", ListAsync);
        workflows.MapGet("/activities", (ActivityRegistry registry) => Results.Ok(new { activities = registry.Descriptors }));
        workflows.MapGet("/{workflowId}", GetAsync);
        workflows.MapGet("/{workflowId}/versions", VersionsAsync);
        workflows.MapPut("/{workflowId}", PublishAsync);
        workflows.MapGet("/instances/{instanceId}", InstanceAsync);
    }

    private static async Task<IResult> ListAsync(AccountContext account, DefinitionStore store, CancellationToken ct)
    {
        var latest = await store.LatestAsync(account.AccountId, ct);
        return Results.Ok(new
        {
            workflows = latest.Select(d => new
            {
                id = d.DefinitionId, name = d.Name, status = "published", version = d.Version, locationId = d.OwnerAccountId ?? account.AccountId,
                shared = d.OwnerAccountId is null, updatedAt = d.PublishedAt,
            }),
        });
    }

    private static async Task<IResult> GetAsync(string workflowId, int? version, AccountContext account, DefinitionStore store, CancellationToken ct) =>
        await store.GetVisibleAsync(account.AccountId, workflowId, version, ct) is { } definition
            ? Results.Ok(definition)
            : throw new WorkflowNotFoundException(workflowId);

    private static async Task<IResult> VersionsAsync(string workflowId, AccountContext account, DefinitionStore store, CancellationToken ct)
    {
        if (await store.GetVisibleAsync(account.AccountId, workflowId, ct: ct) is null)
        {
            throw new WorkflowNotFoundException(workflowId);
        }
        var versions = await store.VersionsAsync(workflowId, ct);
        return Results.Ok(new { versions = versions.Select(v => new { v.Version, v.IsLatest, v.Source, v.PublishedAt }) });
    }

    private static async Task<IResult> PublishAsync(string workflowId, WorkflowDefinition body, AccountContext account, DefinitionStore store, CancellationToken ct)
    {
        if (body.Id != workflowId)
        {
            throw new ApiValidationException($"The body's id '{body.Id}' does not match the URL's '{workflowId}'.");
        }
        var published = await store.PublishAsync(body, "api", account.AccountId, ct);
        return Results.Ok(published);
    }

    private static async Task<IResult> InstanceAsync(string instanceId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId && i.AccountId == account.AccountId, ct);
        if (instance is null)
        {
            return Results.Problem(statusCode: 404, title: "Instance not found", detail: $"Workflow instance {instanceId} does not exist.");
        }
        var log = await db.ExecutionLog.AsNoTracking().Where(l => l.InstanceId == instanceId).OrderBy(l => l.Step).ToListAsync(ct);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync(ct);
        return Results.Ok(new { instance, log, bookmarks });
    }
}
