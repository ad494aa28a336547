namespace Dnd.Workflows.Activities;

/// <param name="TimedOut">True when the bookmark's due time passed rather than its event arriving.</param>
public sealed record ResumeInput(string Kind, bool TimedOut, string? Body = null);
