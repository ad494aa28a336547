using Dnd.Workflows.Consent;
using Dnd.Workflows.Messaging;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Templates;
using Microsoft.Extensions.DependencyInjection;
using Dnd.Workflows.Activities;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// Runs a workflow write (a step, a trigger's claim, a fault) as one account write, like a provider webhook's
/// (<see cref="ConsentWrites"/>): on SQLite a job of the batch writer on prepared statements, elsewhere an EF write.
/// Scoped.
/// </summary>
public sealed class WorkflowWrites(ConsentWrites writes, TemplateRenderer templates, MessageComposer composer, TimeProvider clock,
    IServiceProvider services)
{
    public Task<T> RunAsync<T>(string accountId, Func<WorkflowWrite, ValueTask<T>> work, CancellationToken ct) =>
        writes.RunAsync(accountId, (consent, sqlite) => work(sqlite is null
            ? new WorkflowWrite(consent, services.GetRequiredService<OutboundMessenger>(), new EfWorkflowRows(services.GetRequiredService<DndDbContext>()))
            : new WorkflowWrite(consent, new OutboundMessenger(consent.Rows, templates, composer, clock), new SqliteWorkflowRows(sqlite))), ct);
}
