namespace Dnd.Crm.Integrations;

/// <summary>Why a provider refused the credentials (or could not be reached): the request field at fault and the provider's answer.</summary>
public sealed record VerificationFailure(string Field, string Message);
