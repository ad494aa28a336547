using System.Reflection;
using Dnd.Rules.Data;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Dnd.Rules.Engine;

/// <summary>
/// The DND rules compiled once into an NRules session factory, with the data tables they read. The rules are the
/// classes under <c>Dnd.Rules.Decisions</c>; the tables (Twilio error codes, Mailgun events, Meta error codes) are
/// JSON files an operator may replace, validated here so a bad file fails at start with the file and entry named.
/// </summary>
public sealed class DndRuleSet
{
    private const string RulesNamespace = "Dnd.Rules.Decisions";
    private const string ResourcePrefix = "Dnd.Rules.RuleData.";
    private static readonly Lazy<DndRuleSet> Embedded = new(() => FromFiles(LoadEmbeddedFiles()));
    private static readonly Lazy<(ISessionFactory Factory, IReadOnlyList<IRuleDefinition> Rules)> Compiled = new(Compile);

    private DndRuleSet(TwilioErrorCodes twilio, MailgunEvents mailgun, MetaErrorCodes meta) =>
        (TwilioErrorCodes, MailgunEvents, MetaErrorCodes) = (twilio, mailgun, meta);

    /// <summary>The rules with the tables shipped inside this assembly (src/Dnd.Rules/RuleData).</summary>
    public static DndRuleSet Default => Embedded.Value;

    /// <summary>Thread-safe; one session per decision (a session is not).</summary>
    public ISessionFactory Factory => Compiled.Value.Factory;

    /// <summary>Every rule, as NRules read it from the attributes: name, priority, description.</summary>
    public IReadOnlyList<IRuleDefinition> Rules => Compiled.Value.Rules;

    public TwilioErrorCodes TwilioErrorCodes { get; }

    public MailgunEvents MailgunEvents { get; }

    public MetaErrorCodes MetaErrorCodes { get; }

    public static IReadOnlyList<RuleFile> LoadEmbeddedFiles()
    {
        var assembly = typeof(DndRuleSet).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new RuleFile(n[ResourcePrefix.Length..], ReadResource(assembly, n)))
            .ToList();
    }

    /// <exception cref="RuleSetException">A table is missing, unknown or invalid (the file and entry are named).</exception>
    public static DndRuleSet FromFiles(IEnumerable<RuleFile> files)
    {
        var byName = new Dictionary<string, RuleFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Name is not (TwilioErrorCodes.FileName or MailgunEvents.FileName or MetaErrorCodes.FileName))
            {
                throw new RuleSetException(
                    $"{file.Name}: not a rule data file (expected {TwilioErrorCodes.FileName}, {MailgunEvents.FileName} or {MetaErrorCodes.FileName})");
            }
            byName[file.Name] = file;
        }
        RuleFile Required(string name) => byName.TryGetValue(name, out var file) ? file : throw new RuleSetException($"missing rule data file: {name}");
        return new DndRuleSet(TwilioErrorCodes.Parse(Required(TwilioErrorCodes.FileName)), MailgunEvents.Parse(Required(MailgunEvents.FileName)),
            MetaErrorCodes.Parse(Required(MetaErrorCodes.FileName)));
    }

    /// <summary>Compiles every rule class once per process; the tables are facts, so replacing one needs no recompile.</summary>
    private static (ISessionFactory, IReadOnlyList<IRuleDefinition>) Compile()
    {
        // Loaded by namespace, not the whole assembly: a stray public Rule elsewhere must not join the DND decisions.
        var types = typeof(DndRuleSet).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract && t.Namespace?.StartsWith(RulesNamespace, StringComparison.Ordinal) == true)
            .ToArray();
        foreach (var type in types)
        {
            if (type.GetCustomAttribute<NameAttribute>() is null || type.GetCustomAttribute<PriorityAttribute>() is null ||
                type.GetCustomAttribute<DescriptionAttribute>() is null)
            {
                throw new RuleSetException($"rule {type.Name} needs [Name], [Priority] and [Description]");
            }
        }
        var repository = new RuleRepository();
        repository.Load(x => x.From(types));
        var rules = repository.GetRules().ToList();
        if (rules.Count != types.Length || rules.Count == 0)
        {
            throw new RuleSetException($"{types.Length} rule classes under {RulesNamespace}, but NRules loaded {rules.Count}");
        }
        return (repository.Compile(), rules);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
