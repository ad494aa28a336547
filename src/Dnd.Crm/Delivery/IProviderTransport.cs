using Dnd.Crm.Integrations;

namespace Dnd.Crm.Delivery;

/// <summary>One provider's API: hands a message over, and finds out whether an earlier hand-over reached it.</summary>
public interface IProviderTransport
{
    /// <summary><see cref="IntegrationProviders"/>' name of the provider.</summary>
    string Provider { get; }

    Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct);

    /// <summary>
    /// After a crash between claim and answer: the provider's record of this message, found by our reference. When the
    /// provider cannot tell (SMTP) the message is sent again: the at-least-once window README states.
    /// </summary>
    Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct);
}
