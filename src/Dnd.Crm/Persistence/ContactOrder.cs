namespace Dnd.Crm.Persistence;

/// <summary>Which contact of an address comes first: the oldest (created, then id), as HighLevel matches.</summary>
public static class ContactOrder
{
    /// <remarks>
    /// Sorted in memory, not in SQL: an address has a handful of contacts, and an ORDER BY lets SQLite's planner pick
    /// the (AccountId, CreatedAt, Id) paging index and walk every contact of the account instead of the address index.
    /// </remarks>
    public static List<ContactRecord> Oldest(IEnumerable<ContactRecord> contacts) =>
        contacts.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
}
