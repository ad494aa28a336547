namespace Dnd.Host.Api.Workflows;

/// <summary>The latest version of a definition the account can use; shared ones come from the server's workflows folder.</summary>
public sealed record WorkflowSummaryDto(string Id, string Name, string Status, int Version, string LocationId, bool Shared, DateTimeOffset UpdatedAt);
