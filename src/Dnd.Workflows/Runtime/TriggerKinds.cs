namespace Dnd.Workflows.Runtime;

public static class TriggerKinds
{
    public const string DndChanged = "DndChanged";
    public const string FormSubmitted = "FormSubmitted";
}
