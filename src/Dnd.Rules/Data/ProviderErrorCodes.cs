namespace Dnd.Rules.Data;

/// <summary>
/// A provider's numeric error codes and what each means for DND (Twilio's, Meta's): one entry per code, a code not
/// listed changes nothing. Each provider's table is its own type, so its rule matches only its table.
/// </summary>
public abstract class ProviderErrorCodes : IRuleTable
{
    /// <summary>The root property holding the entries.</summary>
    public const string ArrayName = "codes";

    private readonly Dictionary<string, (string Name, ClassifierOutcome Outcome)> _codes;

    private protected ProviderErrorCodes((Dictionary<string, (string, ClassifierOutcome)> Codes, string Json, string Fingerprint) parsed) =>
        (_codes, EntriesJson, Fingerprint) = (parsed.Codes, parsed.Json, parsed.Fingerprint);

    public string EntriesJson { get; }

    public string Fingerprint { get; }

    public IReadOnlyCollection<string> Codes => _codes.Keys;

    public bool Lists(string code) => _codes.ContainsKey(code);

    public (string Name, ClassifierOutcome Outcome) this[string code] => _codes[code];

    /// <param name="provider">Named in errors ("a Twilio error code").</param>
    /// <param name="defaultChannels">The channel an entry sets when it names none: the one the provider's codes are about.</param>
    /// <exception cref="RuleSetException">The file or one of its entries (named) is not valid.</exception>
    private protected static (Dictionary<string, (string, ClassifierOutcome)>, string, string) ParseEntries(RuleFile file, string provider, string defaultChannels)
    {
        var codes = new Dictionary<string, (string, ClassifierOutcome)>(StringComparer.Ordinal);
        var entries = OutcomeJson.Entries(file, ArrayName).ToList();
        foreach (var (entry, number) in entries)
        {
            var code = OutcomeJson.Text(entry, "errorCode")?.Trim();
            RuleSetException Error(string what) => new($"{file.Name}: codes entry {number} ({code ?? "no code"}): {what}");
            if (string.IsNullOrEmpty(code) || !code.All(char.IsAsciiDigit))
            {
                throw Error($"errorCode must be a {provider} error code (digits)");
            }
            var name = OutcomeJson.Required(entry, "name", Error);
            var outcome = OutcomeJson.Read(entry, defaultChannels, eventHasChannel: false, Error);
            if (!codes.TryAdd(code, (name, outcome)))
            {
                throw Error("the code is listed twice");
            }
        }
        var (json, fingerprint) = OutcomeJson.Identity(entries);
        return (codes, json, fingerprint);
    }
}
