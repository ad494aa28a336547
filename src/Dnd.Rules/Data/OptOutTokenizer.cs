using System.Globalization;
using System.Text;

namespace Dnd.Rules.Data;

/// <summary>
/// Splits a message into folded words and sentence breaks in one forward pass, writing each word into the caller's
/// scratch span: lower case, accents dropped ("Más" reads "mas"), apostrophes inside a word dropped ("don't" reads
/// "dont"), letters spelled out one by one joined ("S T O P" reads "stop"), the hand and stop-sign emoji read as one
/// word (<see cref="StopEmoji"/>), other symbols and emoji read as spaces. The same reading compiles the phrase lists,
/// so a list entry and a message always agree on what a word is.
/// </summary>
internal ref struct OptOutTokenizer
{
    /// <summary>Longer words are cut here; no list word is this long, so a cut word matches none.</summary>
    public const int MaxWord = 32;

    /// <summary>How 🛑 ⛔ 🚫 ✋ 🙅 read.</summary>
    public const string StopEmoji = "🛑";

    private static readonly char[] FoldedLatin = BuildFoldedLatin();

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _word;
    private int _pos;
    private bool _afterBreak;

    /// <param name="scratch">At least <see cref="MaxWord"/> chars; each word returned is a slice of it, valid until the next call.</param>
    public OptOutTokenizer(ReadOnlySpan<char> text, Span<char> scratch)
    {
        _text = text;
        _word = scratch[..MaxWord];
        _afterBreak = true;
    }

    /// <summary>The next word, or a sentence break (<paramref name="isBreak"/>, word empty); false at the end.</summary>
    public bool Next(out bool isBreak, out ReadOnlySpan<char> word)
    {
        isBreak = false;
        word = default;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsLetterOrDigit(c))
            {
                word = ReadWord();
                _afterBreak = false;
                return true;
            }
            if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, _text[_pos + 1]);
                _pos += 2;
                if (IsStopEmoji(codePoint))
                {
                    word = StopEmoji;
                    _afterBreak = false;
                    return true;
                }
                continue;
            }
            _pos++;
            if (IsStopEmoji(c))
            {
                word = StopEmoji;
                _afterBreak = false;
                return true;
            }
            if (IsBreak(c) && !_afterBreak)
            {
                _afterBreak = true;
                isBreak = true;
                return true;
            }
        }
        return false;
    }

    /// <summary>Every word of <paramref name="text"/> as a string, a break as null: for compiling lists and for tests, not per message.</summary>
    public static List<string?> Words(string text)
    {
        var words = new List<string?>();
        var tokenizer = new OptOutTokenizer(text, stackalloc char[MaxWord]);
        while (tokenizer.Next(out var isBreak, out var word))
        {
            words.Add(isBreak ? null : word.ToString());
        }
        return words;
    }

    private ReadOnlySpan<char> ReadWord()
    {
        var length = 0;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsLetterOrDigit(c))
            {
                if (length < MaxWord)
                {
                    _word[length++] = Fold(c);
                }
                _pos++;
            }
            else if (IsApostrophe(c) && length > 0 && _pos + 1 < _text.Length && char.IsLetter(_text[_pos + 1]))
            {
                _pos++;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
        return length == 1 && char.IsLetter(_word[0]) ? JoinSpelledLetters() : _word[..length];
    }

    /// <summary>"S T O P", "s.t.o.p": three or more lone letters in a row read as one word.</summary>
    private ReadOnlySpan<char> JoinSpelledLetters()
    {
        var (count, end) = (1, _pos);
        while (count < MaxWord)
        {
            var k = end;
            while (k < _text.Length && _text[k] is ' ' or '.' or '-')
            {
                k++;
            }
            if (k == end || k >= _text.Length || !char.IsLetter(_text[k]) || (k + 1 < _text.Length && char.IsLetterOrDigit(_text[k + 1])))
            {
                break;
            }
            _word[count++] = Fold(_text[k]);
            end = k + 1;
        }
        if (count < 3)
        {
            return _word[..1];
        }
        _pos = end;
        return _word[..count];
    }

    private static char Fold(char c) => c switch
    {
        < (char)0x80 => char.ToLowerInvariant(c),
        >= (char)0xC0 and < (char)0x250 => FoldedLatin[c - 0xC0],
        _ => char.ToLowerInvariant(c),
    };

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´';

    private static bool IsBreak(char c) => c is '.' or '!' or '?' or ';' or ':' or ',' or '\n' or '\r' or '¿' or '¡' or '…';

    private static bool IsStopEmoji(int codePoint) => codePoint is 0x1F6D1 or 0x26D4 or 0x1F6AB or 0x270B or 0x1F645;

    /// <summary>Latin-1 and Latin Extended-A without their accents, lower-cased: built once, so a message needs no Unicode normalization.</summary>
    private static char[] BuildFoldedLatin()
    {
        var table = new char[0x250 - 0xC0];
        for (var c = 0xC0; c < 0x250; c++)
        {
            var decomposed = ((char)c).ToString().Normalize(NormalizationForm.FormD);
            var letter = decomposed.Length > 0 && char.IsLetter(decomposed[0]) ? decomposed[0] : (char)c;
            table[c - 0xC0] = char.ToLowerInvariant(letter);
        }
        return table;
    }
}
