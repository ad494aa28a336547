namespace Dnd.Rules.Data;

/// <summary>
/// Twilio's error codes and what each means for SMS DND (twilio-error-codes.json): data an operator changes without
/// a rebuild. A fact of the session that classifies a status callback; a code not listed changes nothing.
/// </summary>
public sealed class TwilioErrorCodes : ProviderErrorCodes
{
    public const string FileName = "twilio-error-codes.json";

    private TwilioErrorCodes(RuleFile file) : base(ParseEntries(file, "Twilio", "SMS"))
    {
    }

    /// <summary>A table from its entries alone (an account's override); errors are named after <paramref name="name"/>.</summary>
    /// <exception cref="RuleSetException">An entry (named) is not valid.</exception>
    public static TwilioErrorCodes FromEntries(string name, string entriesJson) => Parse(OutcomeJson.AsFile(name, ArrayName, entriesJson));

    /// <exception cref="RuleSetException">The file or one of its entries (named) is not valid.</exception>
    public static TwilioErrorCodes Parse(RuleFile file) => new(file);
}
