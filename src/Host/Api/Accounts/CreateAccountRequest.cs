namespace Dnd.Host.Api.Accounts;

public sealed record CreateAccountRequest(string Id, string Name, string? TwilioAuthToken, string? MailgunSigningKey);
