using Dnd.Rules.Engine;

namespace Dnd.Rules.Data;

/// <summary>
/// Twilio's error codes and what each means for SMS DND (twilio-error-codes.json): data an operator changes without
/// a rebuild. A fact of the session that classifies a status callback; a code not listed changes nothing.
/// </summary>
public sealed class TwilioErrorCodes
{
    public const string FileName = "twilio-error-codes.json";

    private readonly Dictionary<string, (string Name, ClassifierOutcome Outcome)> _codes;

    private TwilioErrorCodes(Dictionary<string, (string, ClassifierOutcome)> codes) => _codes = codes;

    public IReadOnlyCollection<string> Codes => _codes.Keys;

    public bool Lists(string code) => _codes.ContainsKey(code);

    public (string Name, ClassifierOutcome Outcome) this[string code] => _codes[code];

    /// <exception cref="RuleSetException">The file or one of its entries (named) is not valid.</exception>
    public static TwilioErrorCodes Parse(RuleFile file)
    {
        var codes = new Dictionary<string, (string, ClassifierOutcome)>(StringComparer.Ordinal);
        foreach (var (entry, number) in OutcomeJson.Entries(file, "codes"))
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
        return new TwilioErrorCodes(codes);
    }
}
