namespace Dnd.Workflows.Persistence;

/// <summary>Bookmark kinds as stored, and the query for the workflows a reply resumes.</summary>
public static class BookmarkQueries
{
    public const string Timer = "timer";
    public const string Reply = "reply";

    /// <summary>The contact's workflows waiting for a reply on this channel (or on any).</summary>
    public static IQueryable<BookmarkRecord> AwaitingReply(this IQueryable<BookmarkRecord> bookmarks, string accountId, string contactId, string channel) =>
        bookmarks.Where(b => b.AccountId == accountId && b.ContactId == contactId && b.Kind == Reply && (b.Channel == null || b.Channel == channel));
}
