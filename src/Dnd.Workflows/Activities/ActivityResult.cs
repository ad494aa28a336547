namespace Dnd.Workflows.Activities;

/// <summary>What a step did: leave through an outcome, wait on a bookmark, or end the instance.</summary>
public sealed record ActivityResult(string? Outcome, string? Note, BookmarkRequest? Bookmark = null, bool EndInstance = false)
{
    public const string Done = "Done";

    public static ActivityResult Leave(string outcome, string? note = null) => new(outcome, note);

    public static ActivityResult Suspend(BookmarkRequest bookmark, string? note = null) => new(null, note, bookmark);

    public static ActivityResult End(string? note = null) => new(null, note, EndInstance: true);
}
