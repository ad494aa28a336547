using Dnd.Workflows.Activities;

namespace Dnd.Host.Api.Workflows;

/// <summary>The designer's palette: every activity type with its outcomes and properties.</summary>
public sealed record ActivityPaletteResponse(IReadOnlyList<ActivityDescriptor> Activities);
