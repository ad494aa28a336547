using System.Text.Json;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Workflows.Model;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Workflows;

/// <summary>
/// A workflow's life after its first version: drafts and their publish, unpublish (pause), rollback to an earlier
/// version, and delete. Each acts on the caller's own workflow only; another account's id answers 404.
/// </summary>
public static class WorkflowLifecycleEndpoints
{
    public static void MapWorkflowLifecycleEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");
        // An invalid draft is saved all the same (200, its problems listed): a designer saves work in progress.
        workflows.MapPut("/{workflowId}/draft", SaveDraftAsync).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workflows.MapGet("/{workflowId}/draft", GetDraftAsync).ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapPost("/{workflowId}/publish", PublishDraftAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workflows.MapPost("/{workflowId}/unpublish", UnpublishAsync).ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapPost("/{workflowId}/rollback", RollbackAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workflows.MapDelete("/{workflowId}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<WorkflowDraftResponse>> SaveDraftAsync(string workflowId, WorkflowDefinition body, AccountContext account,
        WorkflowDrafts drafts, CancellationToken ct)
    {
        if (body.Id != workflowId)
        {
            throw new ApiValidationException($"The body's id must match the URL's '{workflowId}'.", fields: ["id"]);
        }
        var problems = await drafts.SaveAsync(account.AccountId, body, ct);
        var saved = await drafts.FindAsync(account.AccountId, workflowId, ct) ?? throw new WorkflowNotFoundException(workflowId);
        return TypedResults.Ok(new WorkflowDraftResponse(JsonDocument.Parse(saved.Json).RootElement, problems, saved.SavedAt));
    }

    /// <exception cref="WorkflowNotFoundException">404: the account has no draft of this id.</exception>
    private static async Task<Ok<WorkflowDraftResponse>> GetDraftAsync(string workflowId, AccountContext account, WorkflowDrafts drafts,
        DefinitionStore store, CancellationToken ct)
    {
        var saved = await drafts.FindAsync(account.AccountId, workflowId, ct) ?? throw new WorkflowNotFoundException(workflowId);
        return TypedResults.Ok(new WorkflowDraftResponse(JsonDocument.Parse(saved.Json).RootElement, store.Problems(WorkflowJson.Parse(saved.Json)),
            saved.SavedAt));
    }

    /// <summary>
    /// Publishes the draft as the next version (which re-enables an unpublished workflow), or with no draft re-enables the
    /// latest version as it was; 422 leaves the draft as it was.
    /// </summary>
    private static async Task<Ok<WorkflowDefinition>> PublishDraftAsync(string workflowId, AccountContext account, WorkflowDrafts drafts,
        CancellationToken ct) =>
        TypedResults.Ok(await drafts.PublishAsync(account.AccountId, workflowId, ct));

    private static async Task<Ok<WorkflowSummaryDto>> UnpublishAsync(string workflowId, AccountContext account, DefinitionStore store,
        WorkflowDrafts drafts, CancellationToken ct)
    {
        var latest = await store.UnpublishAsync(account.AccountId, workflowId, ct);
        var hasDraft = await drafts.FindAsync(account.AccountId, workflowId, ct) is not null;
        return TypedResults.Ok(new WorkflowSummaryDto(latest.DefinitionId, latest.Name, WorkflowSummaryDto.Unpublished, latest.Version, account.AccountId, hasDraft,
            latest.PublishedAt));
    }

    /// <summary>Publishes a copy of version N as the new latest version; the versions list records it as "rollback of N".</summary>
    private static async Task<Ok<WorkflowDefinition>> RollbackAsync(string workflowId, RollbackRequest body, AccountContext account,
        DefinitionStore store, CancellationToken ct)
    {
        if (body.Version < 1)
        {
            throw new ApiValidationException("version must be a published version number (1 or more).", status: 400, fields: ["version"]);
        }
        return TypedResults.Ok(await store.RollbackAsync(account.AccountId, workflowId, body.Version, ct));
    }

    /// <summary>
    /// Unpublishes and hides the workflow, and drops its draft. Its versions are kept: instances already running finish
    /// on theirs, or are removed with DELETE /contacts/{contactId}/workflow/{workflowId}.
    /// </summary>
    private static async Task<Ok<WorkflowSummaryDto>> DeleteAsync(string workflowId, AccountContext account, DefinitionStore store,
        WorkflowDrafts drafts, CancellationToken ct)
    {
        var draft = await drafts.FindAsync(account.AccountId, workflowId, ct);
        // A workflow that was only ever a draft is deleted by dropping the draft.
        var deleted = await store.IsLiveAsync(account.AccountId, workflowId, ct) ? await store.DeleteAsync(account.AccountId, workflowId, ct)
            : draft is null ? throw new WorkflowNotFoundException(workflowId)
            : null;
        await drafts.DiscardAsync(account.AccountId, workflowId, ct: ct);
        return TypedResults.Ok(new WorkflowSummaryDto(workflowId, deleted?.Name ?? draft!.Name, WorkflowSummaryDto.Deleted, deleted?.Version ?? 0, account.AccountId,
            HasDraft: false, deleted?.DeletedAt ?? draft!.SavedAt));
    }
}
