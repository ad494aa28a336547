namespace Dnd.Host.Api.Workflows;

/// <summary>A contact's workflow history, oldest instance first.</summary>
public sealed record ContactWorkflowsResponse(IReadOnlyList<ContactWorkflowEntry> Instances);
