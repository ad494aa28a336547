namespace Dnd.Workflows.Activities;

/// <summary>The template language of inputs hinted <see cref="InputUIHints.Template"/>: checked at publish by whoever renders them.</summary>
public interface ITemplateSyntax
{
    /// <returns>Each parse error with its line and column; empty when the text parses.</returns>
    IReadOnlyList<string> Problems(string text);
}
