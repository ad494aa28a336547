using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Integrations;

/// <summary>
/// Messages waiting for a disconnected integration: held, with <see cref="Reason"/>, never lost. Disconnecting holds
/// the provider's queued messages; connecting again releases exactly those (not ones held for an opt-out review).
/// Callers run these inside the account's write, so the outbox never sees a half-moved set.
/// </summary>
public static class IntegrationHolds
{
    public const string Reason = "held: integration disconnected";

    /// <summary>How a queued message waiting because no integration carries its channel starts its reason (the outbox writes it).</summary>
    public const string Waiting = "waiting: ";

    public static bool IsIntegrationHold(MessageRecord message) => message.Status == MessageStatus.Held && message.StatusReason == Reason;

    /// <returns>How many queued messages on the provider's channels were held (staged: the caller saves).</returns>
    public static Task<int> HoldAsync(CrmDbContext db, string accountId, string provider, CancellationToken ct) =>
        MoveAsync(Outbound(db, accountId, provider).Where(m => m.Status == MessageStatus.Queued), MessageStatus.Held, Reason, ct);

    /// <summary>
    /// Held messages go back to the queue, and queued ones that waited for an integration are due at once (staged: the
    /// caller saves).
    /// </summary>
    /// <returns>How many held messages went back to the queue.</returns>
    public static async Task<int> ReleaseAsync(CrmDbContext db, string accountId, string provider, CancellationToken ct)
    {
        foreach (var waiting in await Outbound(db, accountId, provider)
                     .Where(m => m.Status == MessageStatus.Queued && m.StatusReason != null && m.StatusReason.StartsWith(Waiting)).ToListAsync(ct))
        {
            (waiting.NotBefore, waiting.StatusReason) = (null, null);
        }
        return await MoveAsync(Outbound(db, accountId, provider).Where(m => m.Status == MessageStatus.Held && m.StatusReason == Reason), MessageStatus.Queued,
            $"released: the {provider} integration was connected again", ct);
    }

    // Tracked rather than ExecuteUpdate: the change commits (or rolls back) with the rest of the caller's write.
    private static async Task<int> MoveAsync(IQueryable<MessageRecord> messages, string status, string reason, CancellationToken ct)
    {
        var moving = await messages.ToListAsync(ct);
        foreach (var message in moving)
        {
            (message.Status, message.StatusReason) = (status, reason);
        }
        return moving.Count;
    }

    private static IQueryable<MessageRecord> Outbound(CrmDbContext db, string accountId, string provider)
    {
        var channels = IntegrationProviders.Channels(provider).Select(Dnd.Rules.Consent.ChannelNames.ToWire).ToList();
        return db.Messages.Where(m => m.AccountId == accountId && m.Direction == "outbound" && channels.Contains(m.Channel));
    }
}
