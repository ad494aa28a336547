using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Templates;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Activities.Persistence;

/// <summary>
/// Runs a workflow write (a step, a trigger's claim, a fault, an inbound reply) as one account write of the CRM,
/// like a provider webhook's (<see cref="ConsentWrites"/>): on SQLite a job of the batch writer on prepared
/// statements, elsewhere an EF write. Scoped.
/// </summary>
public sealed class DndWorkflowWrites(ConsentWrites writes, TemplateRenderer templates, MessageComposer composer, QuietHoursPolicy quietHours,
    TimeProvider clock, IServiceProvider services) : IWorkflowWrites
{
    public Task<T> RunAsync<T>(string accountId, Func<DndWrite, ValueTask<T>> work, CancellationToken ct) =>
        writes.RunAsync(accountId, (consent, sqlite) => work(sqlite is null
            ? new DndWrite(consent, services.GetRequiredService<OutboundMessenger>(), new EfWorkflowRows(services.GetRequiredService<WorkflowDb>()))
            : new DndWrite(consent, new OutboundMessenger(consent.Rows, templates, composer, quietHours, clock), new SqliteWorkflowRows(sqlite))), ct);

    Task<T> IWorkflowWrites.RunAsync<T>(string accountId, Func<IWorkflowWrite, ValueTask<T>> work, CancellationToken ct) =>
        RunAsync(accountId, work, ct);
}
