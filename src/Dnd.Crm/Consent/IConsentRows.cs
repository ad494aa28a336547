using Dnd.Rules.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Consent;

/// <summary>
/// The rows consent reads and writes inside one account write, whoever stores them: EF's change tracker
/// (<see cref="EfConsentRows"/>) or the SQLite batch writer's prepared statements (<see cref="SqliteConsentRows"/>).
/// The consent logic is written once, against this.
/// </summary>
public interface IConsentRows
{
    /// <summary>The account's contacts with this normalized phone or email, oldest first (created, then id).</summary>
    Task<List<ContactRecord>> ContactsWithAddressAsync(string accountId, AddressKind kind, string address, CancellationToken ct);

    Task<ContactRecord?> FindContactAsync(string accountId, string contactId, CancellationToken ct);

    /// <summary>Outbound messages queued or sent to the contact on the channel since then (a send cap counts them).</summary>
    Task<int> CountOutboundSinceAsync(string accountId, string contactId, string channel, DateTimeOffset since, CancellationToken ct);

    Task<AddressConsentRecord?> FindAddressAsync(string accountId, string address, CancellationToken ct);

    /// <summary>The opt-outs kept for the address when a contact with it was erased (by its salted hash); null when none were.</summary>
    Task<ErasedAddressRecord?> FindErasedAsync(string accountId, string address, CancellationToken ct);

    Task<ProcessedWebhookRecord?> FindProcessedAsync(string accountId, string provider, string eventId, CancellationToken ct);

    /// <summary>A new row, written with the write.</summary>
    void Add(object row);

    /// <summary>A row read through this that was changed, written with the write.</summary>
    void Changed(object row);

    /// <summary>Cancels the contact's queued and held outbound messages on a channel that now blocks (not an opt-out's confirmation).</summary>
    Task CancelQueuedAsync(string accountId, string contactId, string channel, string? reason, long ledgerSequence, CancellationToken ct);

    /// <summary>Holds the contact's queued marketing messages on a channel while a possible opt-out there is reviewed.</summary>
    Task HoldQueuedMarketingAsync(string accountId, string contactId, string channel, string reason, CancellationToken ct);

    /// <summary>
    /// Records a provider's report on a sent message, found by the provider's id (Twilio's MessageSid) or ours (the
    /// variable Mailgun returns): its status, and its error code when it has one. Nothing happens for an id we did not send.
    /// </summary>
    Task ProviderReportedAsync(string accountId, string? providerMessageId, string? messageId, string status, string? errorCode, CancellationToken ct);

    /// <summary>
    /// Whether the contact's latest message on the channel answers ours: our last message there (queued or sent) came
    /// after their previous one. Read before the new message is added.
    /// </summary>
    Task<bool> AnswersUsAsync(string accountId, string contactId, string channel, CancellationToken ct);

    /// <summary>The contact's open reviews on a channel; a change to one is staged with <see cref="Changed"/>.</summary>
    Task<List<OptOutReviewRecord>> OpenReviewsAsync(string accountId, string contactId, string channel, CancellationToken ct);
}
