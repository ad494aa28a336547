using Dnd.Workflows.Model;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// The shipped definitions (the workflows/ folder), read at start. They run for no account by themselves: an account
/// installs one, which publishes a copy as its own workflow under the template's id, to edit, unpublish or delete.
/// </summary>
/// <remarks>
/// Read beside start-up rather than before it (validating them is a third of a start): a request for the templates
/// waits for the read to finish.
/// </remarks>
public sealed class WorkflowTemplates(DefinitionStore definitions)
{
    private volatile Task<IReadOnlyDictionary<string, WorkflowDefinition>> _templates =
        Task.FromResult<IReadOnlyDictionary<string, WorkflowDefinition>>(new Dictionary<string, WorkflowDefinition>());

    public async Task<IReadOnlyList<WorkflowDefinition>> AllAsync() =>
        (await _templates).Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Starts reading every *.json in the folder on the thread pool: files that fail validation are reported (the task's
    /// result) and left out, the rest are offered.
    /// </summary>
    public Task<IReadOnlyList<string>> StartLoading(string folder, CancellationToken ct = default)
    {
        // A thread of its own: on two cores a pool thread busy here for 150 ms would hold up start-up's own continuations.
        var read = Task.Factory.StartNew(() => ReadFolder(folder, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _templates = read.ContinueWith(t => t.Result.Templates, ct, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return read.ContinueWith(t => t.Result.Problems, ct, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private (IReadOnlyDictionary<string, WorkflowDefinition> Templates, IReadOnlyList<string> Problems) ReadFolder(string folder, CancellationToken ct)
    {
        var problems = new List<string>();
        var loaded = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
            {
                try
                {
                    ct.ThrowIfCancellationRequested();
                    var template = WorkflowJson.Parse(File.ReadAllText(file));
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
        return (loaded, problems);
    }

    public async Task<WorkflowDefinition?> FindAsync(string templateId) => (await _templates).GetValueOrDefault(templateId);

    /// <summary>Publishes the template as the account's own workflow (same id, source "template:&lt;id&gt;").</summary>
    /// <exception cref="WorkflowNotFoundException">No such template.</exception>
    /// <exception cref="WorkflowExistsException">The account already has a workflow by that id (a deleted one may be reinstalled).</exception>
    public async Task<WorkflowDefinition> InstallAsync(string accountId, string templateId, CancellationToken ct = default)
    {
        var template = await FindAsync(templateId) ?? throw new WorkflowTemplateNotFoundException(templateId);
        if (await definitions.IsLiveAsync(accountId, template.Id, ct))
        {
            throw new WorkflowExistsException(template.Id);
        }
        return await definitions.PublishAsync(template, $"template:{templateId}", accountId, ct);
    }
}
