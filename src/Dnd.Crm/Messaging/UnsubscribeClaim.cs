namespace Dnd.Crm.Messaging;

/// <summary>What a signed unsubscribe token says: this contact, of this account, from this message.</summary>
public sealed record UnsubscribeClaim(string AccountId, string ContactId, string MessageId);
