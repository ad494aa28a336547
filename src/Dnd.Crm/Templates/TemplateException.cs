namespace Dnd.Crm.Templates;

public sealed class TemplateException(IReadOnlyList<string> errors) : Exception("Template error: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
