using Dnd.Workflows.Persistence;

namespace Dnd.Workflows.Activities;

/// <param name="Kind">"timer" resumes at DueAt; "reply" resumes on the contact's next inbound message (or at DueAt as a timeout).</param>
public sealed record BookmarkRequest(string Kind, DateTimeOffset? DueAt, string? Channel = null)
{
    public const string Timer = BookmarkQueries.Timer;
    public const string Reply = BookmarkQueries.Reply;
}
