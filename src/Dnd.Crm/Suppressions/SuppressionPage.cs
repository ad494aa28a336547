namespace Dnd.Crm.Suppressions;

/// <summary>A page of one of Mailgun's suppression lists, and where the import goes on after it (null: done).</summary>
/// <param name="Problem">Why the import stops here, when it does before the lists' end.</param>
public sealed record SuppressionPage(MailgunSuppressionList List, IReadOnlyList<SuppressionEntry> Entries, string? NextCursor, string? Problem = null);
