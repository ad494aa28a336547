using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Reviews;

/// <param name="Note">Why: required to dismiss (a compliance officer asks why a possible opt-out was not one), optional to confirm.</param>
public sealed record ReviewDecisionRequest(string? Note = null)
{
    /// <summary>What a confirmation may say (the API's and the operator app's one check).</summary>
    /// <exception cref="ApiValidationException">422: the note is too long.</exception>
    public void ValidateConfirm() =>
        new FieldErrors().MaxLength("note", Note, ApiLimits.TextLength).ThrowIfAny("The confirmation is invalid.");

    /// <summary>A dismissal must say why the message is not an opt-out.</summary>
    /// <exception cref="ApiValidationException">422: no note, or one too long.</exception>
    public void ValidateDismiss() =>
        new FieldErrors().Required("note", string.IsNullOrWhiteSpace(Note) ? null : Note).MaxLength("note", Note, ApiLimits.TextLength)
            .ThrowIfAny("Say why the message is not an opt-out.");
}
