using Dnd.Crm.Persistence;

namespace Dnd.Crm.Delivery;

/// <summary>The outbox's one reading of "due", in the shape its index (IX_Messages_Status_Due) is built on.</summary>
public static class OutboxQueries
{
    /// <summary>
    /// Queued outbound messages due at <paramref name="now"/>, earliest first: due at NotBefore when they wait (quiet
    /// hours, a retry, no integration), else when queued. Ordered by the index's own expression, so a backlog waiting
    /// for later is never read on the way to the due ones (WorkQueryPlanTests).
    /// </summary>
    public static IOrderedQueryable<MessageRecord> Due(CrmDbContext db, DateTimeOffset now) => DueUnordered(db, now).OrderBy(m => m.NotBefore ?? m.CreatedAt);

    /// <summary>The same set without its order, for bulk updates.</summary>
    public static IQueryable<MessageRecord> DueUnordered(CrmDbContext db, DateTimeOffset now) =>
        db.Messages.Where(m => m.Status == MessageStatus.Queued && (m.NotBefore ?? m.CreatedAt) <= now);
}
