namespace Dnd.Host.Api.Workflows;

/// <param name="Succeded">HighLevel's spelling, kept: its SDK reads it.</param>
public sealed record AddToWorkflowResponse(bool Succeded, string InstanceId);
