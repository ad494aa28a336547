namespace Dnd.Host.Tests.Fuzz;

/// <summary>A tenant the fuzzer drives, with the secrets it needs to sign its webhooks.</summary>
public sealed record FuzzAccount(string Id, string ApiKey, string TwilioToken, string MailgunKey);
