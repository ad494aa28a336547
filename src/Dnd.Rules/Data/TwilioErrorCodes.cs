
namespace Dnd.Rules.Data;

/// <summary>
/// Twilio's error codes and what each means for SMS DND (twilio-error-codes.json): data an operator changes without
/// a rebuild. A fact of the session that classifies a status callback; a code not listed changes nothing.
/// </summary>
public sealed class TwilioErrorCodes : IRuleTable
{
    public const string FileName = "twilio-error-codes.json";

    private readonly Dictionary<string, (string Name, ClassifierOutcome Outcome)> _codes;

    private TwilioErrorCodes(Dictionary<string, (string, ClassifierOutcome)> codes, (string Json, string Fingerprint) identity) =>
        (_codes, EntriesJson, Fingerprint) = (codes, identity.Json, identity.Fingerprint);

    /// <summary>The root property holding the entries.</summary>
    public const string ArrayName = "codes";

    public string EntriesJson { get; }

    public string Fingerprint { get; }

    public IReadOnlyCollection<string> Codes => _codes.Keys;

    public bool Lists(string code) => _codes.ContainsKey(code);

    public (string Name, ClassifierOutcome Outcome) this[string code] => _codes[code];

    /// <summary>A table from its entries alone (an account's override); errors are named after <paramref name="name"/>.</summary>
    /// <exception cref="RuleSetException">An entry (named) is not valid.</exception>
    public static TwilioErrorCodes FromEntries(string name, string entriesJson) => Parse(OutcomeJson.AsFile(name, ArrayName, entriesJson));

    /// <exception cref="RuleSetException">The file or one of its entries (named) is not valid.</exception>
    public static TwilioErrorCodes Parse(RuleFile file)
    {
        var codes = new Dictionary<string, (string, ClassifierOutcome)>(StringComparer.Ordinal);
        var entries = OutcomeJson.Entries(file, ArrayName).ToList();
        foreach (var (entry, number) in entries)
        {
            var code = OutcomeJson.Text(entry, "errorCode")?.Trim();
            RuleSetException Error(string what) => new($"{file.Name}: codes entry {number} ({code ?? "no code"}): {what}");
            if (string.IsNullOrEmpty(code) || !code.All(char.IsAsciiDigit))
            {
                throw Error("errorCode must be a Twilio error code (digits)");
            }
            var name = OutcomeJson.Required(entry, "name", Error);
            var outcome = OutcomeJson.Read(entry, "SMS", eventHasChannel: false, Error);
            if (!codes.TryAdd(code, (name, outcome)))
            {
                throw Error("the code is listed twice");
            }
        }
        return new TwilioErrorCodes(codes, OutcomeJson.Identity(entries));
    }
}
