using Dnd.Activities.Persistence;
using Dnd.Host.Api.Workflows;
using Dnd.Host.Auth;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;

namespace Dnd.Host.OperatorApp.Workflows;

/// <summary>
/// What the Workflows screens read, each in a scope of its own as the signed-in person (<see cref="OperatorSession.RunAsync{T}"/>):
/// the workflows as GET /workflows/ lists them, with counts of their instances, and a workflow's instances with their paths.
/// </summary>
public sealed class WorkflowActions(OperatorSession session)
{
    public Task<List<WorkflowRowView>> ListAsync(CancellationToken ct) =>
        session.RunAsync(async sp =>
        {
            var account = Account(sp);
            var workflows = await WorkflowSummaries.ListAsync(account, sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<WorkflowDrafts>(), ct);
            var counts = await InstanceCounts.ByWorkflowAsync(Db(sp), account, ct);
            return workflows.Select(w => new WorkflowRowView(w, counts.GetValueOrDefault(w.Id, InstanceCounts.None))).ToList();
        });

    /// <inheritdoc cref="WorkflowInstanceQuery.PageAsync"/>
    public Task<List<InstanceView>> InstancesAsync(string workflowId, WorkflowStatus? status, string? after, int limit, CancellationToken ct) =>
        session.RunAsync(sp => WorkflowInstanceQuery.PageAsync(Db(sp), Account(sp), workflowId, status, after, limit, ct));

    private static DndDbContext Db(IServiceProvider sp) => sp.GetRequiredService<DndDbContext>();

    private static string Account(IServiceProvider sp) => sp.GetRequiredService<AccountContext>().AccountId;
}
