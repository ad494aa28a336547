using Dnd.Workflows.Model;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// The shipped definitions (the workflows/ folder), read at start. They run for no account by themselves: an account
/// installs one, which publishes a copy as its own workflow under the template's id, to edit, unpublish or delete.
/// </summary>
public sealed class WorkflowTemplates(DefinitionStore definitions)
{
    private volatile IReadOnlyDictionary<string, WorkflowDefinition> _templates = new Dictionary<string, WorkflowDefinition>();

    public IEnumerable<WorkflowDefinition> All => _templates.Values.OrderBy(t => t.Id, StringComparer.Ordinal);

    /// <summary>Reads every *.json in the folder; files that fail validation are reported and left out, the rest are offered.</summary>
    public async Task<IReadOnlyList<string>> LoadFolderAsync(string folder, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var loaded = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
            {
                try
                {
                    var template = WorkflowJson.Parse(await File.ReadAllTextAsync(file, ct));
                    var errors = definitions.Problems(template);
                    if (errors.Count > 0)
                    {
                        throw new WorkflowValidationException(errors);
                    }
                    loaded[template.Id] = template;
                }
                catch (WorkflowValidationException e)
                {
                    problems.Add($"{Path.GetFileName(file)}: {string.Join("; ", e.Errors)}");
                }
            }
        }
        _templates = loaded;
        return problems;
    }

    public WorkflowDefinition? Find(string templateId) => _templates.GetValueOrDefault(templateId);

    /// <summary>Publishes the template as the account's own workflow (same id, source "template:&lt;id&gt;").</summary>
    /// <exception cref="WorkflowNotFoundException">No such template.</exception>
    /// <exception cref="WorkflowExistsException">The account already has a workflow by that id (a deleted one may be reinstalled).</exception>
    public async Task<WorkflowDefinition> InstallAsync(string accountId, string templateId, CancellationToken ct = default)
    {
        var template = Find(templateId) ?? throw new WorkflowTemplateNotFoundException(templateId);
        if (await definitions.IsLiveAsync(accountId, template.Id, ct))
        {
            throw new WorkflowExistsException(template.Id);
        }
        return await definitions.PublishAsync(template, $"template:{templateId}", accountId, ct);
    }
}
