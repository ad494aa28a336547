using Dnd.Activities.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Reports;

/// <summary>
/// Counts for GET /reports/dnd-counts and the Reports screen, with the search's own DND predicates. Per channel and
/// status, and the total, a COUNT over a covering index ((AccountId, Dnd{Channel}, ...), (AccountId, CreatedAt, Id));
/// On and Off check the six columns on the account's rows (about 15 ms each at 100k contacts on SQLite); Partial is the rest.
/// </summary>
public static class DndCountQueries
{
    public static async Task<DndCounts> CountAsync(DndDbContext db, string accountId, CancellationToken ct)
    {
        var mine = db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId);
        var total = await mine.CountAsync(ct);
        var channels = new List<ChannelCount>();
        foreach (var channel in ChannelNames.All)
        {
            var active = await mine.Where(ContactQuery.ChannelIs(channel, (int)DndStatus.Active)).CountAsync(ct);
            var permanent = await mine.Where(ContactQuery.ChannelIs(channel, (int)DndStatus.Permanent)).CountAsync(ct);
            channels.Add(new ChannelCount(channel.ToWire(), active + permanent, active, permanent));
        }
        var on = await mine.Where(ContactQuery.AllBlocked()).CountAsync(ct);
        var off = await mine.Where(ContactQuery.NoDndAnywhere()).CountAsync(ct);
        return new DndCounts(total, channels, on, total - on - off, off);
    }
}
