namespace Dnd.Shared.Ids;

/// <summary>Ids for rows written in bulk on the hot paths (messages, triggers, instances, bookmarks).</summary>
public static class RowIds
{
    /// <summary>
    /// A version 7 GUID, whose text sorts by creation time: inserts land on the last page of the key's index instead of
    /// a random one, so a write batch dirties (and its commit writes) a few pages rather than one per row. Still
    /// unguessable in its 74 random bits.
    /// </summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
