using System.Text.RegularExpressions;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;

namespace Dnd.Workflows.Runtime;

/// <summary>Checks a definition can run before it is published, collecting every problem so a designer can show them all.</summary>
public static partial class DefinitionValidator
{
    /// <param name="minimumLoopWait">How long a contact must wait, at least, on every way round a loop.</param>
    public static IReadOnlyList<string> Validate(WorkflowDefinition d, ActivityRegistry registry, TimeSpan minimumLoopWait)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Id) || !IdPattern().IsMatch(d.Id))
        {
            errors.Add("id must be 1-64 letters, digits, '-' or '_'");
        }
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            errors.Add("name is required");
        }
        if (d.Activities.Count == 0)
        {
            errors.Add("a workflow needs at least one activity");
            return errors;
        }
        // JSON can put null anywhere the model says "required"; every check below assumes it did not.
        var missing = MissingParts(d).ToList();
        if (missing.Count > 0)
        {
            errors.AddRange(missing);
            return errors;
        }
        // The loop check needs a graph it can trust: unique ids and connections between real activities.
        var graphIsSound = true;
        foreach (var dup in d.Activities.GroupBy(a => a.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"activity id '{dup.Key}' is used more than once");
            graphIsSound = false;
        }
        var ids = d.Activities.Select(a => a.Id).ToHashSet();
        foreach (var node in d.Activities)
        {
            if (!registry.TryDescribe(node.Type, out var descriptor))
            {
                errors.Add($"activity '{node.Id}': unknown type '{node.Type}'");
                continue;
            }
            var typed = ValidateProperties(node, descriptor, registry.Templates).ToList();
            errors.AddRange(typed);
            // Rules across inputs only make sense once each input has its type.
            if (typed.Count == 0 && registry.TryGet(node.Type, out var activity) && activity is IValidatesNode checks)
            {
                errors.AddRange(checks.Problems(node).Select(p => $"activity '{node.Id}': {p}"));
            }
        }
        foreach (var c in d.Connections)
        {
            if (!ids.Contains(c.Source) || !ids.Contains(c.Target))
            {
                errors.Add($"connection {c.Source} -[{c.Outcome}]-> {c.Target} names an activity that does not exist");
                graphIsSound = false;
                continue;
            }
            // First, not Single: duplicate ids are already reported above and must not throw here.
            var source = d.Activities.First(a => a.Id == c.Source);
            if (registry.TryDescribe(source.Type, out var a) && !a.Outcomes.Contains(c.Outcome))
            {
                errors.Add($"connection from '{c.Source}': {source.Type} has no outcome '{c.Outcome}' (has {string.Join(", ", a.Outcomes)})");
            }
        }
        foreach (var dup in d.Connections.GroupBy(c => (c.Source, c.Outcome)).Where(g => g.Count() > 1))
        {
            errors.Add($"activity '{dup.Key.Source}' has more than one '{dup.Key.Outcome}' connection");
        }
        var roots = d.Activities.Where(a => d.Connections.All(c => c.Target != a.Id)).ToList();
        if (roots.Count != 1)
        {
            errors.Add($"exactly one activity must have no incoming connection (the start); found {roots.Count}");
        }
        foreach (var trigger in d.Activities.Where(a => registry.TryDescribe(a.Type, out var t) && t.IsTrigger))
        {
            if (roots.Count == 1 && roots[0].Id != trigger.Id)
            {
                errors.Add($"trigger '{trigger.Id}' must be the start of the workflow");
            }
        }
        if (graphIsSound)
        {
            errors.AddRange(LoopGuard.Check(d, minimumLoopWait, registry));
        }
        return errors;
    }

    /// <summary>Null activities and connections, activities without id or type, connections without ends, positions that are not numbers.</summary>
    private static IEnumerable<string> MissingParts(WorkflowDefinition d)
    {
        for (var i = 0; i < d.Activities.Count; i++)
        {
            var node = d.Activities[i];
            if (node is null)
            {
                yield return $"activities[{i}] is null";
                continue;
            }
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                yield return $"activities[{i}]: id is required";
            }
            if (string.IsNullOrWhiteSpace(node.Type))
            {
                yield return $"activities[{i}]: type is required";
            }
            if (node.Position is { } p && !(double.IsFinite(p.X) && double.IsFinite(p.Y)))
            {
                yield return $"activities[{i}]: position must be finite numbers";
            }
        }
        for (var i = 0; i < d.Connections.Count; i++)
        {
            var c = d.Connections[i];
            if (c is null)
            {
                yield return $"connections[{i}] is null";
            }
            else if (c.Source is null || c.Outcome is null || c.Target is null)
            {
                yield return $"connections[{i}]: source, outcome and target are required";
            }
        }
    }

    private static IEnumerable<string> ValidateProperties(ActivityNode node, ActivityDescriptor descriptor, ITemplateSyntax? templates)
    {
        foreach (var p in descriptor.Properties)
        {
            if (!node.TryText(p.Name, out var value))
            {
                yield return $"activity '{node.Id}': {p.Name}: is not valid text";
                continue;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                if (p.Required && p.Default is null)
                {
                    yield return $"activity '{node.Id}': '{p.Name}' is required";
                }
                continue;
            }
            // The same parse the step's Input<T>.Read does, so what publishes is what runs.
            var problem = InputTypes.Problem(p.ValueType, p.UIHint, value, templates);
            if (problem is not null)
            {
                yield return $"activity '{node.Id}': {p.Name}: {problem}";
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
