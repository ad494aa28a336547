using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Crm.Subscriptions;

/// <summary>
/// Stages a delivery per subscribed URL in the consent write that makes the change, so a committed change always has
/// its events and an undone one never does. One row per subscription (fanned out here, not at dispatch): each URL has
/// its own order, retries and log, and an account without subscriptions costs one dictionary lookup.
/// </summary>
public sealed class WebhookFollower(SubscriptionDirectory directory, IWebhookBodies bodies, TimeProvider clock) : IConsentFollower
{
    public void BlockingChanged(IConsentRows rows, ContactRecord contact, Channel channel, ChannelDnd after, DateTimeOffset at) =>
        Stage(rows, contact.AccountId, contact.Id, WebhookEvents.ContactDndUpdate, () => bodies.ContactDndUpdate(contact));

    public void LedgerWritten(IConsentRows rows, LedgerRecord line) =>
        Stage(rows, line.AccountId, line.ContactId ?? "address:" + line.Address, WebhookEvents.ConsentLedgerEntry, () => bodies.ConsentLedgerEntry(line));

    private void Stage(IConsentRows rows, string accountId, string subject, string evt, Func<string> body)
    {
        string? written = null;
        foreach (var subscription in directory.For(accountId))
        {
            if (!subscription.Events.Contains(evt))
            {
                continue;
            }
            var now = clock.GetUtcNow();
            rows.Add(new WebhookDeliveryRecord
            {
                SubscriptionId = subscription.Id, AccountId = accountId, Subject = subject, Event = evt, Body = written ??= body(),
                CreatedAt = now, Status = WebhookDeliveryStatus.Pending, NextAttemptAt = now,
            });
        }
    }
}
