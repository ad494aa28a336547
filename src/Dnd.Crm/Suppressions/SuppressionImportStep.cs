namespace Dnd.Crm.Suppressions;

/// <summary>What one step of a suppression import did, and where the next one starts (null: the import is done).</summary>
/// <param name="Applied">Entries that set DND on a contact or an address.</param>
/// <param name="Unchanged">Entries the rules left as they were (already DND, a stronger DND in place) or imported before.</param>
/// <param name="Skipped">Addresses whose DND was lifted and are being taken off the list: the lift stands.</param>
public sealed record SuppressionImportStep(string? NextCursor, int Read, int Applied, int Unchanged, IReadOnlyList<string> Skipped, string? Problem = null);
