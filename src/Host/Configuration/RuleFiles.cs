using Dnd.Rules.Engine;
using Dnd.Rules.Data;

namespace Dnd.Host.Configuration;

/// <summary>The shipped rule data files, with any file of the same name in the configured folder taking its place.</summary>
public static class RuleFiles
{
    /// <exception cref="RuleSetException">A file is malformed or unknown; the server does not start.</exception>
    public static DndRuleSet Load(string? folder, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return DndRuleSet.Default;
        }
        var path = ContentPaths.Resolve(contentRoot, folder);
        if (!Directory.Exists(path))
        {
            throw new RuleSetException($"Dnd:RulesFolder '{path}' does not exist.");
        }
        var files = DndRuleSet.LoadEmbeddedFiles().ToDictionary(f => f.Name);
        foreach (var file in Directory.EnumerateFiles(path, "*.json"))
        {
            files[Path.GetFileName(file)] = new RuleFile(Path.GetFileName(file), File.ReadAllText(file));
        }
        return DndRuleSet.FromFiles(files.Values.OrderBy(f => f.Name, StringComparer.Ordinal));
    }
}
