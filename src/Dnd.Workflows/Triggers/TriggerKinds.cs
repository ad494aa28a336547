namespace Dnd.Workflows.Triggers;

public static class TriggerKinds
{
    public const string DndChanged = "DndChanged";
    public const string FormSubmitted = "FormSubmitted";
}
