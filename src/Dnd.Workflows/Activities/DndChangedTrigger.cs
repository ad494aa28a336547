using Dnd.Rules.Consent;
using Dnd.Workflows.Model;
using Dnd.Workflows.Runtime;

namespace Dnd.Workflows.Activities;

/// <summary>Starts a workflow when a contact's DND on a channel turns on or off.</summary>
public sealed class DndChangedTrigger : IActivity
{
    public const string TypeName = "DndChangedTrigger";

    public ActivityDescriptor Descriptor { get; } = new(TypeName, "DND changed", "Triggers",
        "Starts when a contact's DND is turned on or off, by anyone: a user, a reply keyword, a bounce.", true,
        [ActivityResult.Done],
        [
            new PropertyDescriptor("channel", "channelOrAll", false, "Only this channel; empty or \"all\" for any.", "all"),
            new PropertyDescriptor("state", "choice", false, "Only when DND turned on, or off.", "any", ["any", "on", "off"]),
        ]);

    public static bool Matches(ActivityNode node, DndChangedPayload change)
    {
        var channel = node.Text("channel");
        var state = node.Text("state") ?? "any";
        var channelMatches = string.IsNullOrEmpty(channel) || channel.Equals("all", StringComparison.OrdinalIgnoreCase)
            || (ChannelNames.TryParse(channel, out var c) && c.ToWire() == change.Channel);
        var stateMatches = state.ToLowerInvariant() switch
        {
            "on" => change.Enabled,
            "off" => !change.Enabled,
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
