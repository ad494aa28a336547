namespace Dnd.Rules.Facts;

/// <param name="ErrorCode">Meta's error code, trimmed; empty when absent.</param>
public sealed record WhatsAppStatusFacts(string Status, string ErrorCode);
