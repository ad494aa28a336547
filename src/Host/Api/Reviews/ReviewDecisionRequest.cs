namespace Dnd.Host.Api.Reviews;

/// <param name="Note">Why: required to dismiss (a compliance officer asks why a possible opt-out was not one), optional to confirm.</param>
public sealed record ReviewDecisionRequest(string? Note = null);
