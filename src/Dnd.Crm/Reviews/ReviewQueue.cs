using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Shared.Ids;

namespace Dnd.Crm.Reviews;

/// <summary>
/// Files a possible opt-out for staff: one review per channel the rules queued, due 10 business days after receipt,
/// and the channel's marketing held (the contact's row says so, and what was already queued is held) so no campaign
/// can reach the contact there before someone decides. Staged on the write's rows; the caller commits.
/// </summary>
public static class ReviewQueue
{
    public static async Task<IReadOnlyList<OptOutReviewRecord>> FlagAsync(IConsentRows rows, ContactRecord contact, ConsentDecision decision,
        string body, string? messageId, DateTimeOffset receivedAt, TimeZoneInfo zone, CancellationToken ct)
    {
        var filed = new List<OptOutReviewRecord>();
        foreach (var outcome in decision.Outcomes.Where(o => o.PolicyRule == ConsentEngine.QueuedForReviewRule))
        {
            var wire = outcome.Channel.ToWire();
            var deadline = BusinessDays.Deadline(receivedAt, zone);
            var review = new OptOutReviewRecord
            {
                Id = RowIds.New(), AccountId = contact.AccountId, ContactId = contact.Id, Channel = wire, MessageId = messageId, Body = body,
                Rule = decision.Classification.Rule, Reason = decision.Classification.Message ?? "", ReceivedAt = receivedAt, Deadline = deadline,
                FlaggedSequence = decision.Entries.Last(e => e.Channel == outcome.Channel).Sequence,
            };
            rows.Add(review);
            filed.Add(review);
            contact.Hold(wire);
            rows.Changed(contact);
            await rows.HoldQueuedMarketingAsync(contact.AccountId, contact.Id, wire, Reachability.HeldForReview(wire), ct);
        }
        return filed;
    }
}
