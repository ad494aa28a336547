namespace Dnd.Host.Api.Accounts;

/// <summary>A message to render exactly as it would leave, for a contact of the account or a sample one.</summary>
/// <param name="Channel">SMS, Email, WhatsApp...</param>
/// <param name="ContactId">Render for this contact (its fields, whether it had an SMS before); a sample contact when absent.</param>
public sealed record CompliancePreviewRequest(string? Channel, string? Body, string? Subject = null, string? ContactId = null);
