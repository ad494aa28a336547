namespace Dnd.Workflows.Activities;

/// <summary>The outcomes an activity can leave through, which the designer draws as ports (Elsa's [FlowNode]).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FlowNodeAttribute(params string[] outcomes) : Attribute
{
    public IReadOnlyList<string> Outcomes { get; } = outcomes;
}
