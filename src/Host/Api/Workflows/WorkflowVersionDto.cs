namespace Dnd.Host.Api.Workflows;

/// <param name="Source">Where the version came from: "api" (PUT), "draft" (a published draft), "rollback of N" (a copy of
/// version N), "template:&lt;id&gt;" (an installed template), or "file:&lt;name&gt;" (a legacy shared definition).</param>
public sealed record WorkflowVersionDto(int Version, bool IsLatest, string Source, DateTimeOffset PublishedAt);
