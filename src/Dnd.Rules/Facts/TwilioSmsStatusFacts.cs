namespace Dnd.Rules.Facts;

public sealed record TwilioSmsStatusFacts(string MessageStatus, string ErrorCode);
