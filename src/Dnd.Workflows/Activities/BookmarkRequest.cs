using Dnd.Workflows.Persistence;

namespace Dnd.Workflows.Activities;

/// <param name="Kind">
/// "timer" resumes at DueAt; "reply" resumes on the contact's next inbound message (or at DueAt as a timeout);
/// "retry" runs the failed step again at DueAt (the runtime's own, after a step threw and its policy allows another try).
/// </param>
public sealed record BookmarkRequest(string Kind, DateTimeOffset? DueAt, string? Channel = null)
{
    public const string Timer = BookmarkQueries.Timer;
    public const string Reply = BookmarkQueries.Reply;
    public const string Retry = "retry";
}
