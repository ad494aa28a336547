using Dnd.Workflows.Model;

namespace Dnd.Workflows.Activities;

/// <summary>An activity that starts workflows: the dispatcher asks each published definition's first activity about a pending trigger.</summary>
public interface ITriggerActivity
{
    /// <summary>Whether a trigger of this kind and payload starts the workflow whose first activity is <paramref name="node"/>.</summary>
    /// <param name="input">The instance's input (the payload read as the activity reads it), when it does.</param>
    bool Starts(ActivityNode node, string kind, string payloadJson, out object? input);
}
