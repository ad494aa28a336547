using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Records the providers' answers for an account's claimed messages in one write: sent with the provider's id; failed
/// with its code, which the DND rules then read as the provider's own status would be (21610 → the contact's SMS DND);
/// tried again later with backoff; or, with no answer, left claimed for <see cref="OutboxRecovery"/> to look up.
/// </summary>
public sealed class OutboxAnswers(IServiceScopeFactory scopes, TimeProvider clock, MessagingOptions options)
{
    public async Task RecordAsync(string accountId, IReadOnlyList<(OutboxClaim Claim, DeliveryOutcome Outcome)> answers, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var consent = services.GetRequiredService<ConsentService>();
        var byId = answers.ToDictionary(a => a.Claim.Letter.MessageId);
        var ids = byId.Keys.ToList();
        await using var write = await services.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        var messages = await db.Messages.Where(m => ids.Contains(m.Id) && m.AccountId == accountId && m.Status == MessageStatus.Sending).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var message in messages)
        {
            var (claim, outcome) = byId[message.Id];
            switch (outcome.Kind)
            {
                case DeliveryKind.Accepted:
                    Sent(message, outcome.ProviderMessageId);
                    break;
                case DeliveryKind.Permanent:
                    (message.Status, message.ProviderErrorCode, message.StatusReason) = (MessageStatus.Failed, outcome.Code, outcome.Detail);
                    if (RefusalEvent(claim, outcome) is { } evt)
                    {
                        await consent.ApplyAsync(accountId, claim.ContactId, evt, ct);
                    }
                    break;
                case DeliveryKind.Unanswered:
                    // Still claimed: after the lease the provider is asked whether it has it, and only then is it sent again.
                    message.StatusReason = DeliveryReasons.NoAnswer + outcome.Detail;
                    break;
                default:
                    Later(message, outcome, now);
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }

    public static void Sent(MessageRecord message, string? providerMessageId)
    {
        (message.Status, message.ProviderMessageId) = (MessageStatus.Sent, providerMessageId);
        if (DeliveryReasons.Passing(message.StatusReason))
        {
            message.StatusReason = null;
        }
    }

    /// <summary>Back to the queue after an exponential, jittered wait (or the provider's Retry-After when longer); failed past the last try.</summary>
    private void Later(MessageRecord message, DeliveryOutcome outcome, DateTimeOffset now)
    {
        if (message.Attempts >= options.MaxDeliveryAttempts)
        {
            (message.Status, message.StatusReason) = (MessageStatus.Failed, $"gave up after {message.Attempts} tries: {outcome.Detail}");
            return;
        }
        var backoff = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, message.Attempts - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4));
        var wait = outcome.RetryAfter is { } asked && asked > backoff ? asked : backoff;
        (message.Status, message.NotBefore, message.StatusReason) = (MessageStatus.Queued, now + wait, DeliveryReasons.Retrying + outcome.Detail);
    }

    /// <summary>
    /// A provider's permanent refusal as the DND rules know it: Twilio's and Meta's (WhatsApp) error codes read as a
    /// failed status would be; an SMTP server's 5xx for the recipient as a hard bounce.
    /// </summary>
    private static ConsentEvent? RefusalEvent(OutboxClaim claim, DeliveryOutcome outcome)
    {
        var acted = $"{claim.Connection.Provider} refused message {claim.Letter.MessageId}";
        return claim.Connection.Provider switch
        {
            Integrations.IntegrationProviders.Twilio when claim.Letter.Channel is Channel.Sms or Channel.WhatsApp && int.TryParse(outcome.Code, out _) =>
                new TwilioSmsStatusEvent("failed", outcome.Code) { ActedBy = acted },
            Integrations.IntegrationProviders.Meta when claim.Letter.Channel == Channel.WhatsApp && int.TryParse(outcome.Code, out _) =>
                new WhatsAppStatusEvent("failed", outcome.Code) { ActedBy = acted },
            Integrations.IntegrationProviders.Smtp when outcome.Code?.StartsWith("smtp_55", StringComparison.Ordinal) == true =>
                new MailgunEvent("failed", "permanent", outcome.Detail) { ActedBy = acted },
            _ => null,
        };
    }
}
