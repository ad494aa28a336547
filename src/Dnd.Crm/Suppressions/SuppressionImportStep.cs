namespace Dnd.Crm.Suppressions;

/// <summary>What applying one page of a suppression list did (where the import goes on is the page's).</summary>
/// <param name="Applied">Entries that set DND on a contact or an address.</param>
/// <param name="Unchanged">Entries the rules left as they were (already DND, a stronger DND in place) or imported before.</param>
/// <param name="Skipped">Addresses whose DND was lifted and are being taken off the list: the lift stands.</param>
public sealed record SuppressionImportStep(int Applied, int Unchanged, IReadOnlyList<string> Skipped);
