namespace Dnd.Crm.Messaging;

/// <summary>An account's compliance texts rendered for one message.</summary>
/// <param name="SmsOptOut">The SMS opt-out text to add; null when this message gets none (the account's rule said not this time).</param>
public sealed record RenderedCompliance(string? SmsOptOut, string UnsubscribeLinkText, string EmailFooter);
