using Dnd.Workflows.Activities;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// Runs work as one write of an account, serialized with every other write that can change what its contacts may
/// receive. The application provides it (the engine does not know how its database commits). Scoped.
/// </summary>
public interface IWorkflowWrites
{
    Task<T> RunAsync<T>(string accountId, Func<IWorkflowWrite, ValueTask<T>> work, CancellationToken ct);
}
