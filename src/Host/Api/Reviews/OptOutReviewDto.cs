using Dnd.Crm.Persistence;
using Dnd.Crm.Reviews;

namespace Dnd.Host.Api.Reviews;

/// <summary>A possible opt-out as staff see it in the queue.</summary>
/// <param name="Deadline">When it must be honoured if it is an opt-out: 10 business days after receipt, in the account's time zone.</param>
/// <param name="BusinessDaysLeft">Business days to the deadline's day: 0 on the day, negative once past.</param>
/// <param name="Overdue">Open past its deadline.</param>
public sealed record OptOutReviewDto(
    string Id,
    string ContactId,
    string? ContactName,
    string Channel,
    string? MessageId,
    string Message,
    string Rule,
    string Reason,
    DateTimeOffset ReceivedAt,
    DateTimeOffset Deadline,
    int BusinessDaysLeft,
    bool Overdue,
    string Status,
    DateTimeOffset? HandledAt,
    string? HandledBy,
    string? Note,
    long FlaggedSequence,
    long? HandledSequence)
{
    public static OptOutReviewDto From(OptOutReviewRecord r, string? contactName, DateTimeOffset now, TimeZoneInfo zone) => new(
        r.Id, r.ContactId, contactName, r.Channel, r.MessageId, r.Body, r.Rule, r.Reason, r.ReceivedAt, r.Deadline,
        BusinessDays.Left(now, r.Deadline, zone), r.Status == OptOutReviewStatus.Open && now > r.Deadline, r.Status, r.HandledAt, r.HandledBy, r.Note,
        r.FlaggedSequence, r.HandledSequence);
}
