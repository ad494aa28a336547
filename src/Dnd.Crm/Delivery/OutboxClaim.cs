using Dnd.Crm.Integrations;

namespace Dnd.Crm.Delivery;

/// <summary>A message claimed for its provider: what to hand over, through which connection, for which contact.</summary>
/// <param name="TraceParent">The message row's (<see cref="Persistence.MessageRecord.TraceParent"/>): the hand-over's span continues that trace.</param>
public sealed record OutboxClaim(OutboundLetter Letter, ProviderConnection Connection, string ContactId, string? TraceParent);
