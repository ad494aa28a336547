using Dnd.Crm.Templates;
using Dnd.Workflows.Activities;

namespace Dnd.Activities;

/// <summary>Template inputs are the CRM's Scriban templates: checked at publish with the renderer's own parser.</summary>
public sealed class ScribanTemplateSyntax : ITemplateSyntax
{
    public IReadOnlyList<string> Problems(string text) => TemplateRenderer.Validate(text);
}
