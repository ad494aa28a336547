namespace Dnd.Host.Api.Workflows;

/// <summary>An instance with its step log (in step order) and the bookmarks it waits on.</summary>
public sealed record WorkflowInstanceResponse(WorkflowInstanceDto Instance, IReadOnlyList<ExecutionLogDto> Log, IReadOnlyList<BookmarkDto> Bookmarks);
