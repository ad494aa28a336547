namespace Dnd.Rules.Data;

/// <summary>
/// One list entry compiled: its words as <see cref="OptOutTokenizer"/> reads them, <c>*</c> standing for up to
/// <see cref="MaxGap"/> words ("cancel * appointment"), <c>^…$</c> for the whole message ("^para$"). Matching walks
/// the words once from a start position, trying at most MaxGap+1 lengths per wildcard: no backtracking over the body.
/// </summary>
internal sealed class PhrasePattern
{
    public const int MaxGap = 3;
    public const int MaxWords = 8;
    public const int MaxWordLength = 30;
    public const int MaxWildcards = 2;
    public const int Wildcard = -2;

    private PhrasePattern(string text, string language, PhraseKind kind, string?[] words, bool whole) =>
        (Text, Language, Kind, Words, Whole) = (text, language, kind, words, whole);

    /// <summary>The entry as written in its list (trimmed): what a decision's message quotes.</summary>
    public string Text { get; }

    public string Language { get; }

    public PhraseKind Kind { get; }

    /// <summary>The words; null where a wildcard stands.</summary>
    public string?[] Words { get; }

    /// <summary>Matches only the whole message, filler words aside.</summary>
    public bool Whole { get; }

    /// <summary>The words as vocabulary ids (<see cref="Wildcard"/> for a wildcard), set once by the matcher that holds it.</summary>
    public int[] Items { get; set; } = [];

    /// <summary>The entry compiled, or null with the reason it cannot be.</summary>
    public static PhrasePattern? Compile(string? entry, string language, PhraseKind kind, out string? problem)
    {
        problem = null;
        var text = entry?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problem = "must not be empty";
            return null;
        }
        if (text.Length > 100)
        {
            problem = "is longer than 100 characters";
            return null;
        }
        var whole = text.StartsWith('^') && text.EndsWith('$') && text.Length > 2;
        if (!whole && (text.StartsWith('^') || text.EndsWith('$')))
        {
            problem = "a whole-message entry is written ^words$, with both marks";
            return null;
        }
        if (whole && kind is not (PhraseKind.Clear or PhraseKind.Possible))
        {
            problem = "^…$ (the whole message) is for clear and possible phrases only";
            return null;
        }
        var words = new List<string?>();
        var parts = (whole ? text[1..^1] : text).Split('*');
        for (var p = 0; p < parts.Length; p++)
        {
            if (p > 0)
            {
                words.Add(null);
            }
            var read = OptOutTokenizer.Words(parts[p]);
            while (read.Count > 0 && read[^1] is null)
            {
                read.RemoveAt(read.Count - 1);
            }
            while (read.Count > 0 && read[0] is null)
            {
                read.RemoveAt(0);
            }
            if (read.Contains(null))
            {
                problem = "must be one phrase, without sentence punctuation inside (, . ! ? ; :)";
                return null;
            }
            if (read.Count == 0 && parts.Length > 1)
            {
                problem = "a * must stand between two words, once";
                return null;
            }
            words.AddRange(read);
        }
        if (words.Count == 0)
        {
            problem = "has no words (only punctuation or symbols)";
            return null;
        }
        var wildcards = words.Count(w => w is null);
        if (wildcards > 0 && kind is not (PhraseKind.Clear or PhraseKind.Possible or PhraseKind.NotOptOut))
        {
            problem = "a * (any words) is for clear, possible and notOptOut phrases only";
            return null;
        }
        if (wildcards > MaxWildcards)
        {
            problem = $"has more than {MaxWildcards} *";
            return null;
        }
        if (whole && wildcards > 0)
        {
            problem = "a whole-message entry (^…$) takes no *";
            return null;
        }
        if (words.Count - wildcards > MaxWords)
        {
            problem = $"has more than {MaxWords} words";
            return null;
        }
        if (kind == PhraseKind.Filler && words.Count != 1)
        {
            problem = "a filler entry is one word";
            return null;
        }
        if (words.FirstOrDefault(w => w is { Length: > MaxWordLength }) is { } longWord)
        {
            problem = $"the word '{longWord}' is longer than {MaxWordLength} letters";
            return null;
        }
        return new PhrasePattern(text, language, kind, [.. words], whole);
    }

    /// <summary>The words as one string, as read ("cancel * appointment", "^para$"): tells duplicates apart.</summary>
    public string Key => (Whole ? "^" : "") + string.Join(' ', Words.Select(w => w ?? "*")) + (Whole ? "$" : "");

    /// <summary>
    /// Where a match starting at <paramref name="start"/> ends (exclusive), or -1. Words under a mask (a guard's span)
    /// match nothing when <paramref name="masked"/> is given; a sentence break is never a word.
    /// </summary>
    public int MatchAt(ReadOnlySpan<int> ids, int start, ReadOnlySpan<bool> masked) => MatchFrom(0, ids, start, masked);

    private int MatchFrom(int item, ReadOnlySpan<int> ids, int at, ReadOnlySpan<bool> masked)
    {
        for (; item < Items.Length; item++, at++)
        {
            if (Items[item] == Wildcard)
            {
                for (var gap = 0; gap <= MaxGap; gap++)
                {
                    if (gap > 0 && !IsWord(ids, at + gap - 1, masked))
                    {
                        return -1;
                    }
                    var end = MatchFrom(item + 1, ids, at + gap, masked);
                    if (end >= 0)
                    {
                        return end;
                    }
                }
                return -1;
            }
            if (at >= ids.Length || ids[at] != Items[item] || (!masked.IsEmpty && masked[at]))
            {
                return -1;
            }
        }
        return at;
    }

    private static bool IsWord(ReadOnlySpan<int> ids, int at, ReadOnlySpan<bool> masked) =>
        at < ids.Length && ids[at] != OptOutMatcher.Break && (masked.IsEmpty || !masked[at]);
}
