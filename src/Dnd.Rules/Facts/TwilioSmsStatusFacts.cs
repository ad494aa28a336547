namespace Dnd.Rules.Facts;

/// <param name="ErrorCode">Twilio's ErrorCode, trimmed; empty when absent.</param>
public sealed record TwilioSmsStatusFacts(string MessageStatus, string ErrorCode);
