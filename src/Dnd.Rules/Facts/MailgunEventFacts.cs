namespace Dnd.Rules.Facts;

/// <param name="UnsubscribeScope">"EmailOnly" or "AllChannels", from the account settings.</param>
public sealed record MailgunEventFacts(string Event, string Severity, string Reason, string UnsubscribeScope);
