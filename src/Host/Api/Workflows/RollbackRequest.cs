namespace Dnd.Host.Api.Workflows;

/// <param name="Version">The earlier version to publish a copy of, as the new latest version.</param>
public sealed record RollbackRequest(int Version);
