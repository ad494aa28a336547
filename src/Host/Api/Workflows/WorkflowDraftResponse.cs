using System.Text.Json;

namespace Dnd.Host.Api.Workflows;

/// <param name="Draft">The definition as saved: a free-form object, since a draft may be incomplete (no name, an
/// activity without a type) where a published definition may not.</param>
/// <param name="Problems">What would stop it publishing (a publish answers 422 with these); empty when it would publish.</param>
public sealed record WorkflowDraftResponse(JsonElement Draft, IReadOnlyList<string> Problems, DateTimeOffset SavedAt);
