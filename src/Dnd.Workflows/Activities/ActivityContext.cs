using System.Text.Json;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Workflows.Activities;

/// <summary>Everything one step sees. Write is the step's unit of work: what an activity stages commits with the step.</summary>
public sealed class ActivityContext
{
    public required IWorkflowWrite Write { get; init; }
    public required WorkflowDefinition Definition { get; init; }
    public required WorkflowInstanceRecord Instance { get; init; }
    /// <summary>The contact the instance runs for, as the application stores it (<see cref="IWorkflowWrite.FindContactAsync"/>).</summary>
    public required object Contact { get; init; }
    public required ActivityNode Node { get; init; }
    public required IServiceProvider Services { get; init; }
    public required DateTimeOffset Now { get; init; }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The run's variables; what a step sets is saved with the step.</summary>
    public WorkflowVariables Variables => new(Instance);

    /// <summary>This step's value of one of its activity's inputs.</summary>
    public T Get<T>(Input<T> input) => input.Read(Node);

    public T? Input<T>() => JsonSerializer.Deserialize<T>(Instance.InputJson, WorkflowJson.Options);
}
