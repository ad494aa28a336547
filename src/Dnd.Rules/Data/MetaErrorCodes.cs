namespace Dnd.Rules.Data;

/// <summary>
/// WhatsApp Cloud API error codes (Meta's, in a failed status's <c>errors[].code</c>) and what each means for WhatsApp
/// DND (meta-error-codes.json): data an operator changes without a rebuild, as Twilio's table. A code not listed
/// changes nothing.
/// </summary>
public sealed class MetaErrorCodes : ProviderErrorCodes
{
    public const string FileName = "meta-error-codes.json";

    private MetaErrorCodes(RuleFile file) : base(ParseEntries(file, "Meta", "WhatsApp"))
    {
    }

    /// <exception cref="RuleSetException">The file or one of its entries (named) is not valid.</exception>
    public static MetaErrorCodes Parse(RuleFile file) => new(file);
}
