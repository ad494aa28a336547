using System.Text.Json.Serialization;

namespace Dnd.Workflows.Model;

/// <summary>
/// A flowchart: activities joined by connections that leave through a named outcome. The root (the one activity
/// nothing connects into) is where every instance starts; when it is a trigger, it also says what starts instances.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Assigned by the store when published; ignored on input.</summary>
    public int Version { get; init; }

    /// <summary>Whether a contact may enter again while an earlier instance is still running.</summary>
    public bool AllowReentry { get; init; }

    /// <remarks>JSON null reads as empty, so a definition never holds a null list (the validator then says what is missing).</remarks>
    public List<ActivityNode> Activities
    {
        get => _activities;
        init => _activities = value ?? [];
    }

    /// <remarks>JSON null reads as empty, like <see cref="Activities"/>.</remarks>
    public List<Connection> Connections
    {
        get => _connections;
        init => _connections = value ?? [];
    }

    private readonly List<ActivityNode> _activities = [];
    private readonly List<Connection> _connections = [];

    [JsonIgnore]
    public ActivityNode Root => Activities.Single(a => Connections.All(c => c.Target != a.Id));

    public ActivityNode Activity(string id) => Activities.Single(a => a.Id == id);

    /// <summary>The activity an outcome leads to, or null when that outcome ends the flow.</summary>
    public string? Next(string activityId, string outcome) =>
        Connections.FirstOrDefault(c => c.Source == activityId && c.Outcome == outcome)?.Target;

    public bool HasConnection(string activityId, string outcome) =>
        Connections.Any(c => c.Source == activityId && c.Outcome == outcome);
}
