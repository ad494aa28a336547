namespace Dnd.Rules.Data;

/// <summary>Which list of a <see cref="PhraseList"/> an entry comes from: what a match of it means.</summary>
internal enum PhraseKind
{
    Keyword,
    Clear,
    Possible,
    InReply,
    NotOptOut,
    Filler,
}
