namespace Dnd.Rules.Data;

/// <summary>What an inbound body is, read against the account's keyword lists.</summary>
public enum KeywordKind
{
    /// <summary>Not a lone keyword of either list.</summary>
    None,
    OptOut,
    OptIn,
}
