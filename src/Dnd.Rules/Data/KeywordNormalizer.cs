using System.Globalization;
using System.Text;

namespace Dnd.Rules.Data;

/// <summary>
/// Reads a whole inbound message as a keyword candidate: trimmed, surrounding punctuation removed, runs of spaces made
/// one, accents dropped and upper-cased ("  No más! " reads "NO MAS"). A keyword matches the whole message only, so
/// "please stop texting me" is not the keyword STOP (wording like that is the contact's intent, not a keyword).
/// </summary>
public static class KeywordNormalizer
{
    /// <summary>No keyword is longer; a longer message is not read (it cannot match, and costs nothing then).</summary>
    public const int MaxLength = 64;

    public static string Normalize(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxLength * 2)
        {
            return string.Empty;
        }
        var text = body.Trim().Trim('.', '!', '?', ',', ';', ':', '"', '\'', '¡', '¿').Trim();
        if (text.Length == 0 || text.Length > MaxLength)
        {
            return string.Empty;
        }
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                folded.Append(' ');
                space = false;
            }
            folded.Append(char.ToUpperInvariant(c));
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
