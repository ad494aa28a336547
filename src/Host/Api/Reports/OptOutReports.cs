using Dnd.Crm.Persistence;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Reports;

/// <summary>
/// Builds the opt-out report for GET /reports/opt-outs and the operator app's Reports screen, so both count the same.
/// An opt-out is an applied ledger line whose channel went from not blocking to blocking. Lines that only carry a
/// decision to another holder of the same address (<see cref="ConsentStore.SharedRule"/>, <see cref="ConsentStore.AppliesRule"/>)
/// are left out: each decision counts once, where it was made.
/// </summary>
public static class OptOutReports
{
    // The SQL must carry the literal for the partial index's filter (Verdict = 'Applied') to apply: OptOutReportPlanTests checks it.
    private const string Applied = nameof(Verdict.Applied);
    private static readonly string Inactive = nameof(DndStatus.Inactive);
    private static readonly string[] Blocking = [nameof(DndStatus.Active), nameof(DndStatus.Permanent)];

    /// <summary>The account's opt-outs in [start, end): applied lines that made a channel block, each decision once (a range of IX_Ledger_AccountId_At_Applied).</summary>
    public static IQueryable<LedgerRecord> OptOutLines(DndDbContext db, string accountId, DateTimeOffset start, DateTimeOffset end) =>
        db.Ledger.AsNoTracking()
            .Where(l => l.AccountId == accountId && l.At >= start && l.At < end && l.Verdict == Applied
                        && Blocking.Contains(l.After!) && (l.Before == null || l.Before == Inactive)
                        && l.Rule != ConsentStore.SharedRule && l.Rule != ConsentStore.AppliesRule && l.Channel != null);

    public static async Task<OptOutReport> BuildAsync(DndDbContext db, string accountId, ReportRange range, CancellationToken ct)
    {
        // Filtered in SQL to the range's applied, blocking lines; grouped by local day here, the same on SQLite (ticks) and PostgreSQL.
        var lines = await OptOutLines(db, accountId, range.Start, range.End).Select(l => new { l.At, l.Channel, l.Event, l.Rule }).ToListAsync(ct);
        var counted = lines.Select(l => (Period: range.PeriodOf(l.At), l.Channel, Source: OptOutSources.Of(l.Event, l.Rule))).ToList();
        var periods = range.Periods().ToList();

        var byChannel = counted.CountBy(c => (c.Period, c.Channel)).ToDictionary();
        var channelRows = periods.SelectMany(p => ChannelNames.All.Select(ch => ch.ToWire())
            .Select(ch => new OptOutsByChannelRow(p, ch, byChannel.GetValueOrDefault((p, ch))))).ToList();

        var bySource = counted.CountBy(c => (c.Period, c.Source.Key)).ToDictionary();
        var seen = OptOutSources.All.Where(s => counted.Any(c => c.Source == s)).ToList();
        var sourceRows = periods.SelectMany(p => seen
            .Select(s => new OptOutsBySourceRow(p, s.Key, s.Label, bySource.GetValueOrDefault((p, s.Key))))).ToList();

        var top = counted.CountBy(c => c.Source).OrderByDescending(s => s.Value).ThenBy(s => s.Key.Label, StringComparer.Ordinal)
            .Select(s => new SourceTotal(s.Key.Key, s.Key.Label, s.Value)).ToList();
        return new OptOutReport(range.From, range.To, range.Zone.Id, range.Period.ToString().ToLowerInvariant(), counted.Count,
            channelRows, sourceRows, top);
    }
}
