using System.Globalization;
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

/// <summary>Typed reads of an activity's JSON properties.</summary>
public static class ActivityNodeProperties
{
    public static string? Text(this ActivityNode node, string name) =>
        node.Properties.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
            : null;

    public static bool Flag(this ActivityNode node, string name, bool fallback) =>
        node.Properties.TryGetValue(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => bool.TryParse(v.GetString(), out var b) ? b : fallback,
            _ => fallback,
        } : fallback;

    /// <summary>Durations are "hh:mm:ss" (or "d.hh:mm:ss") or a number of seconds.</summary>
    public static bool TryDuration(this ActivityNode node, string name, out TimeSpan duration)
    {
        duration = default;
        var text = node.Text(name);
        if (text is null)
        {
            return false;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
