namespace Dnd.Workflows.Activities;

public enum ActivityKind
{
    Action,
    Trigger,
}
