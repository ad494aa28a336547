namespace Dnd.Workflows.Activities;

/// <summary>Editors for text inputs; other types choose their own (a channel a dropdown, a bool a checkbox).</summary>
public static class InputUIHints
{
    /// <summary>A template (the application's language, <see cref="ITemplateSyntax"/>), checked to parse at publish.</summary>
    public const string Template = "template";
}
