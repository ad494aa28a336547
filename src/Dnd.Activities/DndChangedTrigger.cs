using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Activities.Triggers;

namespace Dnd.Activities;

/// <summary>Starts a workflow when a contact's DND on a channel turns on or off.</summary>
[Activity("Triggers", "DND changed", "Starts when a contact's DND is turned on or off, by anyone: a user, a reply keyword, a bounce.",
    Kind = ActivityKind.Trigger)]
public sealed class DndChangedTrigger : IActivity, ITriggerActivity
{
    public const string TypeName = nameof(DndChangedTrigger);

    /// <summary>The pending triggers it starts from (<see cref="DndChangedTriggers"/> stages them).</summary>
    public const string Kind = "DndChanged";

    /// <summary>Which change starts the workflow.</summary>
    public enum DndState
    {
        Any,
        On,
        Off,
    }

    [Input("Only this channel; \"all\" for any.", DefaultValue = InputTypes.AllChannels)]
    public Input<Channel?> Channel { get; } = new();

    [Input("Only when DND turned on, or off.", DefaultValue = "any")]
    public Input<DndState> State { get; } = new();

    public string TriggerKind => Kind;

    public object? ReadPayload(string payloadJson) => JsonSerializer.Deserialize<DndChangedPayload>(payloadJson);

    public bool Matches(ActivityNode node, object payload)
    {
        var change = (DndChangedPayload)payload;
        var channelMatches = Channel.Read(node) is not { } channel || channel.ToWire() == change.Channel;
        var stateMatches = State.Read(node) switch
        {
            DndState.On => change.Enabled,
            DndState.Off => !change.Enabled,
            _ => true,
        };
        return channelMatches && stateMatches;
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var change = context.Input<DndChangedPayload>();
        return ValueTask.FromResult(ActivityResult.Leave(ActivityResult.Done,
            change is null ? "started without a DND change" : $"{change.Channel} DND turned {(change.Enabled ? "on" : "off")}"));
    }
}
