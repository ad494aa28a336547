using System.Collections.Frozen;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Subscriptions;

/// <summary>A subscription as the follower and the dispatcher use it, its secret unprotected.</summary>
public sealed record ActiveSubscription(string Id, string AccountId, string Url, IReadOnlySet<string> Events, string Secret);

/// <summary>
/// Every account's subscriptions in memory, so a consent write asks "does anyone listen?" with a dictionary lookup and
/// no query: the hot path of an account with no subscriptions stages nothing and reads nothing. Read whole at start,
/// again after each change made here, and every <see cref="WebhookOptions.RefreshEvery"/> for changes made by another
/// server process (until then that process's new subscription gets no events from this one).
/// </summary>
public sealed class SubscriptionDirectory(SubscriptionSecrets secrets)
{
    private sealed record Snapshot(FrozenDictionary<string, ActiveSubscription[]> ByAccount, FrozenDictionary<string, ActiveSubscription> ById);

    private volatile Snapshot _current = new(FrozenDictionary<string, ActiveSubscription[]>.Empty, FrozenDictionary<string, ActiveSubscription>.Empty);

    // Reloads one at a time, so an older read never replaces a newer one.
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public IReadOnlyList<ActiveSubscription> For(string accountId) => _current.ByAccount.GetValueOrDefault(accountId) ?? [];

    public ActiveSubscription? Find(string subscriptionId) => _current.ById.GetValueOrDefault(subscriptionId);

    public async Task ReloadAsync(CrmDbContext db, CancellationToken ct)
    {
        await _reloading.WaitAsync(ct);
        try
        {
            var all = (await db.WebhookSubscriptions.AsNoTracking().ToListAsync(ct))
                .Select(r => new ActiveSubscription(r.Id, r.AccountId, r.Url, r.EventList.ToFrozenSet(), secrets.Unprotect(r.ProtectedSecret))).ToList();
            _current = new Snapshot(all.GroupBy(s => s.AccountId).ToFrozenDictionary(g => g.Key, g => g.ToArray()), all.ToFrozenDictionary(s => s.Id));
        }
        finally
        {
            _reloading.Release();
        }
    }
}
