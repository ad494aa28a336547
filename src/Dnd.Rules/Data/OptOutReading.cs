namespace Dnd.Rules.Data;

/// <summary>
/// The opt-out features of one inbound message: small values (the signal, the phrase as the data file writes it and
/// its list's language), never the body, so that facts built from them stay cheap memo keys.
/// </summary>
/// <param name="Phrase">The keyword or phrase that matched, as written in its list; empty when none did.</param>
/// <param name="Language">The language code of the list it came from ("en", "es", an account's own); empty when none.</param>
public readonly record struct OptOutReading(OptOutSignal Signal, string Phrase, string Language)
{
    public static OptOutReading Nothing { get; } = new(OptOutSignal.None, string.Empty, string.Empty);

    /// <summary>
    /// The outcome depends on whether the message answers ours (<c>InboundMessageEvent.InReplyToUs</c>): only then is it
    /// worth the receiver's look-up of the conversation.
    /// </summary>
    public bool NeedsContext => Signal == OptOutSignal.InReplyOnly;

    public bool IsClear => Signal is OptOutSignal.Keyword or OptOutSignal.Clear;

    /// <summary>The match for a decision's message: "'stop texting' (English)".</summary>
    public string Quote() => $"'{Phrase}' ({LanguageName(Language)})";

    private static string LanguageName(string code) => code switch
    {
        "en" => "English",
        "es" => "Spanish",
        "" => "no language",
        _ => TryCulture(code),
    };

    private static string TryCulture(string code)
    {
        try
        {
            var name = System.Globalization.CultureInfo.GetCultureInfo(code).EnglishName;
            return name.StartsWith("Unknown", StringComparison.Ordinal) ? $"the account's '{code}' list" : name;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return $"the account's '{code}' list";
        }
    }
}
