using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Conversations;

/// <summary>
/// A message in the outbox or inbox. Outbound: "queued" until the outbox claims it, "sending" while its provider has it,
/// "sent" or "failed" on the provider's answer, "skipped" when DND refused it at send time, "cancelled" when a later opt-out caught it (statusReason and ledgerSequence say which decision), "held"
/// while a possible opt-out on its channel waits for review.
/// </summary>
/// <param name="ProviderMessageId">The provider's id once it took the message (Twilio's SM…, the e-mail's Message-Id).</param>
/// <param name="ProviderErrorCode">The provider's code when it refused the message for good (status failed), e.g. Twilio's 21610.</param>
/// <param name="ProviderStatus">What the provider last reported on its webhook about the sent message (Twilio's delivered, undelivered; Mailgun's delivered, failed…).</param>
/// <param name="NotBefore">A queued marketing message waiting for the recipient's quiet hours to end leaves then (statusReason says why).</param>
/// <param name="Purpose">marketing, transactional, or opt-out-confirmation (the one message allowed after an opt-out).</param>
public sealed record MessageDto(
    string Id,
    string AccountId,
    string ContactId,
    string Channel,
    string Direction,
    string Status,
    string? Subject,
    string Body,
    string HeadersJson,
    string? WorkflowInstanceId,
    string? StatusReason,
    long? LedgerSequence,
    DateTimeOffset CreatedAt,
    string Purpose,
    DateTimeOffset? NotBefore,
    string? ProviderMessageId = null,
    string? ProviderErrorCode = null,
    string? ProviderStatus = null)
{
    public static MessageDto From(MessageRecord m) => new(m.Id, m.AccountId, m.ContactId, m.Channel, m.Direction, m.Status, m.Subject, m.Body,
        m.HeadersJson, m.WorkflowInstanceId, m.StatusReason, m.LedgerSequence, m.CreatedAt, m.Purpose, m.NotBefore, m.ProviderMessageId, m.ProviderErrorCode, m.ProviderStatus);
}
