namespace Dnd.Host.Api.Workflows;

/// <param name="Succeded">HighLevel's spelling, kept: its SDK reads it.</param>
/// <param name="Removed">Running or waiting instances cancelled.</param>
public sealed record RemoveFromWorkflowResponse(bool Succeded, int Removed);
