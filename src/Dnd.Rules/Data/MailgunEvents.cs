using System.Text.Json;
using Dnd.Rules.Consent;

namespace Dnd.Rules.Data;

/// <summary>
/// Mailgun's events, severities and reasons and what each means for email DND (mailgun-events.json): data an
/// operator changes without a rebuild. The first entry that matches an event decides, in file order.
/// </summary>
public sealed class MailgunEvents : IRuleTable
{
    public const string FileName = "mailgun-events.json";

    private readonly IReadOnlyList<Entry> _entries;

    private MailgunEvents(IReadOnlyList<Entry> entries, (string Json, string Fingerprint) identity) =>
        (_entries, EntriesJson, Fingerprint) = (entries, identity.Json, identity.Fingerprint);

    /// <summary>The root property holding the entries.</summary>
    public const string ArrayName = "events";

    public string EntriesJson { get; }

    public string Fingerprint { get; }

    public IReadOnlyList<Entry> Entries => _entries;

    /// <param name="evt">Mailgun's event, trimmed and lower-cased; so are severity and reason (empty when absent).</param>
    public Entry? FirstMatch(string evt, string severity, string reason, UnsubscribeScope scope)
    {
        foreach (var entry in _entries)
        {
            if (entry.Matches(evt, severity, reason, scope))
            {
                return entry;
            }
        }
        return null;
    }

    /// <param name="Severity">Null: any severity.</param>
    /// <param name="Reasons">Null: any reason.</param>
    /// <param name="Scope">Null: whatever the account's unsubscribe scope.</param>
    public sealed record Entry(string Name, string Event, string? Severity, IReadOnlySet<string>? Reasons, UnsubscribeScope? Scope, ClassifierOutcome Outcome)
    {
        public bool Matches(string evt, string severity, string reason, UnsubscribeScope scope) =>
            evt == Event && (Severity is null || severity == Severity) && (Reasons is null || Reasons.Contains(reason)) && (Scope is null || scope == Scope);
    }

    /// <summary>A table from its entries alone (an account's override); errors are named after <paramref name="name"/>.</summary>
    /// <exception cref="RuleSetException">An entry (named) is not valid.</exception>
    public static MailgunEvents FromEntries(string name, string entriesJson) => Parse(OutcomeJson.AsFile(name, ArrayName, entriesJson));

    /// <exception cref="RuleSetException">The file or one of its entries (named) is not valid.</exception>
    public static MailgunEvents Parse(RuleFile file)
    {
        var entries = new List<Entry>();
        var raw = OutcomeJson.Entries(file, ArrayName).ToList();
        foreach (var (json, number) in raw)
        {
            var label = OutcomeJson.Text(json, "name");
            RuleSetException Error(string what) => new($"{file.Name}: events entry {number} ({label ?? "no name"}): {what}");
            var name = OutcomeJson.Required(json, "name", Error);
            if (entries.Any(e => e.Name == name))
            {
                throw Error("the name is used twice");
            }
            UnsubscribeScope? scope = null;
            if (OutcomeJson.Text(json, "scope") is { } s)
            {
                scope = Enum.TryParse<UnsubscribeScope>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw Error($"scope '{s}' is not EmailOnly or AllChannels");
            }
            HashSet<string>? reasons = null;
            if (json.TryGetProperty("reasons", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
                {
                    throw Error("reasons must be an array of strings");
                }
                reasons = list.EnumerateArray().Select(r => Lower(r.GetString())).ToHashSet(StringComparer.Ordinal);
            }
            entries.Add(new Entry(name, Lower(OutcomeJson.Required(json, "event", Error)), OutcomeJson.Text(json, "severity") is { } sev ? Lower(sev) : null,
                reasons, scope, OutcomeJson.Read(json, "Email", eventHasChannel: false, Error)));
        }
        return new MailgunEvents(entries, OutcomeJson.Identity(raw));
    }

    public static string Lower(string? s) => s?.Trim().ToLowerInvariant() ?? string.Empty;
}
