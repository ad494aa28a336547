namespace Dnd.Rules.Data;

/// <summary>
/// The phrase lists of an account compiled once (shipped languages, the account's own in their place or beside them,
/// and the law's per-se words always) into one vocabulary and per-word indexes, then read against each inbound
/// message in time linear in its length, with no heap allocation: at most <see cref="MaxChars"/> characters are read.
/// The reading, in order: guards (notOptOut) mask their words; a sentence that is a keyword alone (filler aside) is a
/// per-se opt-out; then a clear phrase; a possible phrase; a keyword left inside a sentence; a bare in-reply refusal.
/// </summary>
public sealed class OptOutMatcher
{
    /// <summary>Only this much of a message is read: an opt-out is said early, and the cost stays bounded.</summary>
    public const int MaxChars = 1000;

    /// <summary>Words and breaks read at most (1,000 characters rarely make more than 250).</summary>
    public const int MaxTokens = 320;

    internal const int Break = -1;
    private const int Unknown = 0;

    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _words = ["?"];
    private readonly List<(string Squeezed, int Id)> _spellable = [];
    private readonly bool[] _filler;
    private readonly PhrasePattern[]?[] _guards;
    private readonly PhrasePattern[]?[] _keywords;
    private readonly PhrasePattern[]?[] _clear;
    private readonly PhrasePattern[]?[] _possible;
    private readonly PhrasePattern[] _wholeClear;
    private readonly PhrasePattern[] _wholePossible;
    private readonly PhrasePattern[] _inReply;

    private OptOutMatcher(IReadOnlyDictionary<string, PhraseList> lists)
    {
        Lists = lists;
        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var seen = new HashSet<(PhraseKind, string)>();
        var patterns = new List<PhrasePattern>();
        // The law's words last: a language that lists them names itself in the decision.
        foreach (var list in lists.Values.Append(PhraseList.LawFloor))
        {
            patterns.AddRange(list.Compile().Where(p => seen.Add((p.Kind, p.Key))));
        }
        foreach (var pattern in patterns)
        {
            pattern.Items = pattern.Words.Select(w => w is null ? PhrasePattern.Wildcard : Intern(w)).ToArray();
            if (pattern is { Kind: PhraseKind.Keyword, Words: [{ Length: >= KeywordSpelling.MinLength } word] })
            {
                var squeezed = new char[word.Length];
                var entry = (new string(squeezed, 0, KeywordSpelling.Squeeze(word, squeezed, 1)), pattern.Items[0]);
                if (!_spellable.Contains(entry))
                {
                    _spellable.Add(entry);
                }
            }
        }
        _filler = new bool[_words.Count];
        foreach (var filler in patterns.Where(p => p.Kind == PhraseKind.Filler))
        {
            _filler[filler.Items[0]] = true;
        }
        _guards = ByFirstWord(patterns, PhraseKind.NotOptOut);
        _keywords = ByFirstWord(patterns, PhraseKind.Keyword);
        _clear = ByFirstWord(patterns, PhraseKind.Clear);
        _possible = ByFirstWord(patterns, PhraseKind.Possible);
        _wholeClear = [.. patterns.Where(p => p is { Kind: PhraseKind.Clear, Whole: true })];
        _wholePossible = [.. patterns.Where(p => p is { Kind: PhraseKind.Possible, Whole: true })];
        _inReply = [.. patterns.Where(p => p.Kind == PhraseKind.InReply)];
    }

    /// <summary>The shipped lists alone.</summary>
    public static OptOutMatcher Shipped { get; } = new(PhraseList.Shipped);

    /// <summary>The lists this matcher reads, by language: the shipped ones with the account's in their place or beside them.</summary>
    public IReadOnlyDictionary<string, PhraseList> Lists { get; }

    /// <summary>The shipped lists with <paramref name="own"/> replacing a shipped language or adding one.</summary>
    /// <exception cref="RuleSetException">An entry of the account's lists is not valid (list, field and entry named).</exception>
    public static OptOutMatcher For(IReadOnlyDictionary<string, PhraseList>? own)
    {
        if (own is null || own.Count == 0)
        {
            return Shipped;
        }
        var lists = new Dictionary<string, PhraseList>(PhraseList.Shipped, StringComparer.OrdinalIgnoreCase);
        // The account's first: where a word is in two lists, the account's language is the one named.
        var merged = new Dictionary<string, PhraseList>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, list) in own)
        {
            if (!string.Equals(code, list.Language, StringComparison.OrdinalIgnoreCase))
            {
                throw new RuleSetException($"{code}: the list under this code is for '{list.Language}'");
            }
            merged[code] = list;
            lists.Remove(code);
        }
        foreach (var (code, list) in lists)
        {
            merged[code] = list;
        }
        return new OptOutMatcher(merged);
    }

    /// <summary>What the first <see cref="MaxChars"/> characters of <paramref name="body"/> say about opting out.</summary>
    public OptOutReading Read(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return OptOutReading.Nothing;
        }
        Span<int> ids = stackalloc int[MaxTokens];
        Span<bool> masked = stackalloc bool[MaxTokens];
        masked.Clear();
        var count = Tokenize(body.AsSpan(0, Math.Min(body.Length, MaxChars)), ids);
        if (count == 0)
        {
            return OptOutReading.Nothing;
        }
        ids = ids[..count];
        masked = masked[..count];
        MaskGuards(ids, masked);

        PhrasePattern? inSentence = null;
        for (int start = 0, i = 0; i <= count; i++)
        {
            if (i < count && ids[i] != Break)
            {
                continue;
            }
            if (LoneKeyword(ids[start..i], masked[start..i], ref inSentence) is { } lone)
            {
                return Reading(OptOutSignal.Keyword, lone);
            }
            start = i + 1;
        }
        if ((FirstMatch(_clear, ids, masked) ?? WholeMessage(_wholeClear, ids, masked)) is { } clear)
        {
            return Reading(OptOutSignal.Clear, clear);
        }
        if ((FirstMatch(_possible, ids, masked) ?? WholeMessage(_wholePossible, ids, masked)) is { } possible)
        {
            return Reading(OptOutSignal.Possible, possible);
        }
        if (inSentence is not null)
        {
            return Reading(OptOutSignal.KeywordInSentence, inSentence);
        }
        return WholeMessage(_inReply, ids, masked) is { } refusal ? Reading(OptOutSignal.InReplyOnly, refusal) : OptOutReading.Nothing;
    }

    /// <summary>The words as this matcher reads them ("STOOOP!! 🛑" → "stop | 🛑"; an unknown word as itself): for tests and support.</summary>
    public string Canonical(string? body)
    {
        var words = OptOutTokenizer.Words(body is null ? "" : body[..Math.Min(body.Length, MaxChars)]);
        return string.Join(' ', words.Select(w => w is null ? "|" : Lookup(w) is > Unknown and var id ? _words[id] : w));
    }

    private static OptOutReading Reading(OptOutSignal signal, PhrasePattern pattern) => new(signal, pattern.Text, pattern.Language);

    private int Tokenize(ReadOnlySpan<char> text, Span<int> ids)
    {
        var tokenizer = new OptOutTokenizer(text, stackalloc char[OptOutTokenizer.MaxWord]);
        var count = 0;
        while (count < ids.Length && tokenizer.Next(out var isBreak, out var word))
        {
            ids[count++] = isBreak ? Break : Lookup(word);
        }
        return count;
    }

    /// <summary>A word's id: as written, with letters held down squeezed, or as the keyword it misspells; else unknown.</summary>
    private int Lookup(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var id))
        {
            return id;
        }
        Span<char> squeezed = stackalloc char[word.Length];
        var two = KeywordSpelling.Squeeze(word, squeezed, 2);
        if (two < word.Length && _lookup.TryGetValue(squeezed[..two], out id))
        {
            return id;
        }
        var one = KeywordSpelling.Squeeze(word, squeezed, 1);
        // "nooo" is "no", but "see" is not "se": squeezed to one only after a letter held down or into a longer word.
        if (one < word.Length && (two < word.Length || one >= KeywordSpelling.MinLength) && _lookup.TryGetValue(squeezed[..one], out id))
        {
            return id;
        }
        foreach (var (keyword, keywordId) in _spellable)
        {
            if (KeywordSpelling.IsMisspelt(squeezed[..one], keyword))
            {
                return keywordId;
            }
        }
        return Unknown;
    }

    private void MaskGuards(ReadOnlySpan<int> ids, Span<bool> masked)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] <= Unknown || _guards[ids[i]] is not { } guards)
            {
                continue;
            }
            foreach (var guard in guards)
            {
                var end = guard.MatchAt(ids, i, default);
                if (end > i)
                {
                    masked[i..end].Fill(true);
                }
            }
        }
    }

    /// <summary>The sentence's keyword when it is that keyword alone (filler aside); any keyword seen is kept in <paramref name="inSentence"/>.</summary>
    private PhrasePattern? LoneKeyword(ReadOnlySpan<int> ids, ReadOnlySpan<bool> masked, ref PhrasePattern? inSentence)
    {
        PhrasePattern? keyword = null;
        var alone = true;
        for (var i = 0; i < ids.Length;)
        {
            if (!masked[i] && ids[i] > Unknown && Match(_keywords[ids[i]], ids, i, masked) is ({ } found, var end))
            {
                keyword ??= found;
                i = end;
                continue;
            }
            alone &= !masked[i] && ids[i] > Unknown && _filler[ids[i]];
            i++;
        }
        inSentence ??= keyword;
        return alone ? keyword : null;
    }

    private static PhrasePattern? FirstMatch(PhrasePattern[]?[] index, ReadOnlySpan<int> ids, ReadOnlySpan<bool> masked)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (!masked[i] && ids[i] > Unknown && Match(index[ids[i]], ids, i, masked) is ({ } found, _))
            {
                return found;
            }
        }
        return null;
    }

    private static (PhrasePattern?, int End) Match(PhrasePattern[]? candidates, ReadOnlySpan<int> ids, int at, ReadOnlySpan<bool> masked)
    {
        if (candidates is not null)
        {
            foreach (var pattern in candidates)
            {
                var end = pattern.MatchAt(ids, at, masked);
                if (end > at)
                {
                    return (pattern, end);
                }
            }
        }
        return (null, at);
    }

    /// <summary>
    /// The pattern that is the whole message: its words without breaks and filler (only filler: those), a word
    /// repeated in a row read once ("no no no"). A message with a guard's words in it is never whole.
    /// </summary>
    private PhrasePattern? WholeMessage(PhrasePattern[] patterns, ReadOnlySpan<int> ids, ReadOnlySpan<bool> masked)
    {
        if (patterns.Length == 0 || masked.Contains(true))
        {
            return null;
        }
        Span<int> content = stackalloc int[PhrasePattern.MaxWords];
        var length = Content(ids, content, withFiller: false);
        if (length == 0)
        {
            length = Content(ids, content, withFiller: true);
        }
        if (length <= 0)
        {
            return null;
        }
        foreach (var pattern in patterns)
        {
            if (pattern.Items.AsSpan().SequenceEqual(content[..length]))
            {
                return pattern;
            }
        }
        return null;
    }

    /// <summary>The message's words into <paramref name="content"/>; -1 when there are more than it holds.</summary>
    private int Content(ReadOnlySpan<int> ids, Span<int> content, bool withFiller)
    {
        var length = 0;
        foreach (var id in ids)
        {
            if (id == Break || (!withFiller && id > Unknown && _filler[id]) || (length > 0 && content[length - 1] == id))
            {
                continue;
            }
            if (length == content.Length)
            {
                return -1;
            }
            content[length++] = id;
        }
        return length;
    }

    private int Intern(string word)
    {
        if (!_vocabulary.TryGetValue(word, out var id))
        {
            id = _words.Count;
            _vocabulary.Add(word, id);
            _words.Add(word);
        }
        return id;
    }

    private PhrasePattern[]?[] ByFirstWord(List<PhrasePattern> patterns, PhraseKind kind)
    {
        var index = new PhrasePattern[]?[_words.Count];
        foreach (var group in patterns.Where(p => p.Kind == kind && !p.Whole).GroupBy(p => p.Items[0]))
        {
            // Longer first: "opt out" before "opt", so the longest phrase is the one quoted.
            index[group.Key] = [.. group.OrderByDescending(p => p.Items.Length)];
        }
        return index;
    }
}
