using System.Text.Json;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Workflows.Activities;

/// <summary>Everything one step sees. Db is the step's unit of work: what an activity stages commits with the step.</summary>
public sealed class ActivityContext
{
    public required DndDbContext Db { get; init; }
    public required WorkflowDefinition Definition { get; init; }
    public required WorkflowInstanceRecord Instance { get; init; }
    public required ContactRecord Contact { get; init; }
    public required ActivityNode Node { get; init; }
    public required IServiceProvider Services { get; init; }
    public required DateTimeOffset Now { get; init; }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public string? Text(string name) => Node.Text(name);

    public bool Flag(string name, bool fallback) => Node.Flag(name, fallback);

    public T? Input<T>() => JsonSerializer.Deserialize<T>(Instance.InputJson, WorkflowJson.Options);
}
