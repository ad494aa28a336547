using Dnd.Workflows.Model;

namespace Dnd.Workflows.Activities;

/// <summary>An activity that starts workflows: the dispatcher asks each published definition's first activity about a pending trigger.</summary>
public interface ITriggerActivity
{
    /// <summary>The pending trigger kind this activity starts on (TriggerKinds).</summary>
    string TriggerKind { get; }

    /// <summary>The trigger's payload as this activity reads it (the started instance's input); null when unreadable.</summary>
    object? ReadPayload(string payloadJson);

    /// <summary>Whether a payload <see cref="ReadPayload"/> returned starts the workflow whose first activity is <paramref name="node"/>.</summary>
    bool Matches(ActivityNode node, object payload);
}
