namespace Dnd.Host.Api.Workflows;

/// <param name="Source">"api", or "file:&lt;name&gt;" for a definition loaded from the workflows folder.</param>
public sealed record WorkflowVersionDto(int Version, bool IsLatest, string Source, DateTimeOffset PublishedAt);
