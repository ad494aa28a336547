using System.Reflection;
using System.Text.Json;
using Dnd.Rules.Consent;
using RulesEngine.Models;

namespace Dnd.Rules.Engine;

/// <summary>
/// The validated set of RulesEngine workflows that decide DND. Every rule's Properties are parsed up front so a
/// bad file fails at load with the file and rule named, never half-way through a webhook.
/// </summary>
public sealed class DndRuleSet
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<DndRuleSet> Embedded = new(() => FromFiles(LoadEmbeddedFiles()));

    private readonly Dictionary<(string Workflow, string Rule), ClassifierOutcome> _classifiers = new();
    private readonly Dictionary<string, PolicyOutcome> _policies = new();

    private DndRuleSet(IReadOnlyList<Workflow> workflows) => Workflows = workflows;

    /// <summary>The rule files shipped inside this assembly (src/Dnd.Rules/RuleFiles).</summary>
    public static DndRuleSet Default => Embedded.Value;

    public IReadOnlyList<Workflow> Workflows { get; }

    public static IReadOnlyList<RuleFile> LoadEmbeddedFiles()
    {
        var assembly = typeof(DndRuleSet).Assembly;
        const string prefix = "Dnd.Rules.RuleFiles.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new RuleFile(n[prefix.Length..], ReadResource(assembly, n)))
            .ToList();
    }

    public static DndRuleSet FromFiles(IEnumerable<RuleFile> files)
    {
        var workflows = new List<Workflow>();
        foreach (var file in files)
        {
            try
            {
                workflows.AddRange(JsonSerializer.Deserialize<Workflow[]>(file.Json, JsonOptions) ?? []);
            }
            catch (JsonException e)
            {
                throw new RuleSetException($"{file.Name}: not a JSON array of RulesEngine workflows: {e.Message}", e);
            }
        }
        var set = new DndRuleSet(workflows);
        set.Validate();
        return set;
    }

    internal ClassifierOutcome Classifier(string workflow, string rule) => _classifiers[(workflow, rule)];

    internal PolicyOutcome Policy(string rule) => _policies[rule];

    private void Validate()
    {
        var duplicate = Workflows.GroupBy(w => w.WorkflowName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleSetException($"workflow {duplicate.Key} is defined more than once");
        }
        var missing = RuleWorkflows.All.Except(Workflows.Select(w => w.WorkflowName)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleSetException($"missing workflows: {string.Join(", ", missing)}");
        }
        foreach (var workflow in Workflows)
        {
            var rules = workflow.Rules?.ToList() ?? [];
            if (rules.Count == 0)
            {
                throw new RuleSetException($"workflow {workflow.WorkflowName} has no rules");
            }
            foreach (var rule in rules)
            {
                ValidateRule(workflow.WorkflowName, rule);
            }
        }
    }

    private void ValidateRule(string workflow, Rule rule)
    {
        if (string.IsNullOrWhiteSpace(rule.RuleName) || string.IsNullOrWhiteSpace(rule.Expression))
        {
            throw new RuleSetException($"{workflow}: every rule needs a RuleName and an Expression");
        }
        if (workflow == RuleWorkflows.OverridePolicy)
        {
            if (!_policies.TryAdd(rule.RuleName, PolicyOutcome.Parse(workflow, rule.RuleName, rule.Properties)))
            {
                throw new RuleSetException($"{workflow}: rule {rule.RuleName} is defined twice");
            }
            return;
        }
        var outcome = ClassifierOutcome.Parse(workflow, rule.RuleName, rule.Properties);
        if (outcome.Channels == ClassifierOutcome.EventChannels &&
            workflow is not (RuleWorkflows.InboundMessage or RuleWorkflows.UserDndChange))
        {
            throw new RuleSetException($"{workflow}/{rule.RuleName}: channels 'event' needs an event that names a channel");
        }
        if (!_classifiers.TryAdd((workflow, rule.RuleName), outcome))
        {
            throw new RuleSetException($"{workflow}: rule {rule.RuleName} is defined twice");
        }
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
