using Dnd.Workflows.Model;

namespace Dnd.Host.Api.Workflows;

/// <param name="Problems">What would stop it publishing (a publish answers 422 with these); empty when it would publish.</param>
public sealed record WorkflowDraftResponse(WorkflowDefinition Draft, IReadOnlyList<string> Problems, DateTimeOffset SavedAt);
