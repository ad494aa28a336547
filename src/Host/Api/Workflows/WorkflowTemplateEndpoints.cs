using Dnd.Host.Auth;
using Dnd.Workflows.Model;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Workflows;

/// <summary>The shipped workflows, offered as templates; installing one makes it the account's own workflow.</summary>
public static class WorkflowTemplateEndpoints
{
    public static void MapWorkflowTemplateEndpoints(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/workflows/templates").WithTags("Workflows");
        templates.MapGet("/", async (WorkflowTemplates all) =>
            TypedResults.Ok(new WorkflowTemplatesResponse((await all.AllAsync()).Select(t => new WorkflowTemplateDto(t.Id, t.Name, t)).ToList())));
        // 409: the account already has a workflow of the template's id; an install never overwrites the account's work.
        templates.MapPost("/{templateId}/install", InstallAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<WorkflowDefinition>> InstallAsync(string templateId, AccountContext account, WorkflowTemplates templates,
        CancellationToken ct)
    {
        var installed = await templates.InstallAsync(account.AccountId, templateId, ct);
        return TypedResults.Created($"/workflows/{Uri.EscapeDataString(installed.Id)}", installed);
    }
}
