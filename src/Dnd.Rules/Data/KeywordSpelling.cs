namespace Dnd.Rules.Data;

/// <summary>
/// How far a word may be from an opt-out keyword and still be that keyword misspelt. Short words are real words one
/// letter away ("step", "shop", "top", "quite" beside STOP and QUIT), so a keyword of 4–6 letters allows only two
/// neighbouring letters swapped ("stpo", "sotp", "cancle"); 7–9 letters allow one edit, 10 and more two
/// ("unsuscribe", "unsubscibe"). The first letter must always be right ("subscribe" is not UNSUBSCRIBE), and letters
/// held down ("stoooop") are squeezed on both sides before comparing.
/// </summary>
internal static class KeywordSpelling
{
    public const int MinLength = 4;

    /// <summary>The edits allowed from a keyword of this (squeezed) length; 0 means exact only.</summary>
    public static int Allowed(int keywordLength) => keywordLength switch
    {
        < MinLength => 0,
        <= 6 => 1,
        <= 9 => 1,
        _ => 2,
    };

    /// <summary>Whether <paramref name="word"/> is <paramref name="keyword"/> misspelt (both squeezed).</summary>
    public static bool IsMisspelt(ReadOnlySpan<char> word, ReadOnlySpan<char> keyword)
    {
        var allowed = Allowed(keyword.Length);
        if (allowed == 0 || word.Length < MinLength || word[0] != keyword[0] || Math.Abs(word.Length - keyword.Length) > allowed)
        {
            return false;
        }
        if (keyword.Length <= 6)
        {
            return IsOneSwap(word, keyword);
        }
        return Distance(word, keyword, allowed) <= allowed;
    }

    /// <summary>Runs of one letter cut to <paramref name="maxRun"/> ("stoooop" → "stoop" at 2, "stop" at 1).</summary>
    public static int Squeeze(ReadOnlySpan<char> word, Span<char> into, int maxRun)
    {
        var (length, run) = (0, 0);
        for (var i = 0; i < word.Length; i++)
        {
            run = i > 0 && word[i] == word[i - 1] ? run + 1 : 1;
            if (run <= maxRun)
            {
                into[length++] = word[i];
            }
        }
        return length;
    }

    private static bool IsOneSwap(ReadOnlySpan<char> word, ReadOnlySpan<char> keyword)
    {
        if (word.Length != keyword.Length)
        {
            return false;
        }
        var i = 0;
        while (i < word.Length && word[i] == keyword[i])
        {
            i++;
        }
        return i < word.Length - 1 && word[i] == keyword[i + 1] && word[i + 1] == keyword[i] && word[(i + 2)..].SequenceEqual(keyword[(i + 2)..]);
    }

    /// <summary>Optimal string alignment distance (edits and neighbour swaps), stopping early past <paramref name="limit"/>.</summary>
    private static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, previous2[j - 2] + 1);
                }
                current[j] = d;
                best = Math.Min(best, d);
            }
            if (best > limit)
            {
                return best;
            }
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
