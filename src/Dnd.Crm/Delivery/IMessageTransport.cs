using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Where the outbox hands messages that passed their last consent check: the account's connected providers (Twilio,
/// Mailgun, SMTP: <see cref="ProviderTransports"/>), or a test's recorder.
/// </summary>
public interface IMessageTransport
{
    /// <summary>The connection that carries the account's channel now, or why none does (read in <paramref name="scope"/>).</summary>
    Task<ConnectionLookup> RouteAsync(IServiceProvider scope, string accountId, Channel channel, CancellationToken ct);

    Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct);

    /// <summary>Whether the provider holds a message claimed before a crash (<see cref="IProviderTransport.FindAsync"/>).</summary>
    Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct);
}
