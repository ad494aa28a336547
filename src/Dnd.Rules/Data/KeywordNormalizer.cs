namespace Dnd.Rules.Data;

/// <summary>
/// Reduces an inbound body to a keyword candidate: trimmed, upper-cased, surrounding punctuation removed.
/// Anything with more than one word is not a keyword ("please stop texting me" must not opt out by accident
/// of wording; carriers treat only a lone keyword as one).
/// </summary>
public static class KeywordNormalizer
{
    public static string Normalize(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }
        var word = body.Trim().Trim('.', '!', '?', ',', ';', ':', '"', '\'').Trim();
        if (word.Length == 0 || word.Any(char.IsWhiteSpace))
        {
            return string.Empty;
        }
        return word.ToUpperInvariant();
    }
}
