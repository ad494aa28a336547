using Dnd.Rules.Facts;

namespace Dnd.Rules.Data;

/// <summary>
/// One set of opt-out and opt-in keywords, the account's or one channel's. The required opt-out words are always
/// among the opt-outs and never an opt-in; each list is also kept as <see cref="KeywordNormalizer"/> reads a message,
/// made once with the list, not per inbound message.
/// </summary>
public sealed class KeywordLists
{
    private readonly HashSet<string> _optOutWords;
    private readonly HashSet<string> _optInWords;

    public KeywordLists(IEnumerable<string> optOut, IEnumerable<string> optIn)
    {
        OptOut = AccountSettings.RequiredOptOutKeywords.Union(optOut, StringComparer.OrdinalIgnoreCase).ToList();
        OptIn = optIn.Where(w => !AccountSettings.IsRequiredOptOut(w)).ToList();
        _optOutWords = Normalized(OptOut);
        _optInWords = Normalized(OptIn);
    }

    public IReadOnlyList<string> OptOut { get; }

    public IReadOnlyList<string> OptIn { get; }

    /// <summary>What a message, as <see cref="KeywordNormalizer"/> reads it, is on these lists.</summary>
    public KeywordKind Classify(string normalized) =>
        normalized.Length == 0 ? KeywordKind.None
        : _optOutWords.Contains(normalized) ? KeywordKind.OptOut
        : _optInWords.Contains(normalized) ? KeywordKind.OptIn
        : KeywordKind.None;

    private static HashSet<string> Normalized(IEnumerable<string> keywords) =>
        keywords.Select(KeywordNormalizer.Normalize).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
}
