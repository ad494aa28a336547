using Dnd.Crm.Integrations;

namespace Dnd.Crm.Delivery;

/// <summary>A message claimed for its provider: what to hand over, through which connection, for which contact.</summary>
public sealed record OutboxClaim(OutboundLetter Letter, ProviderConnection Connection, string ContactId);
