namespace Dnd.Host.Api.Reports;

/// <summary>
/// Opt-outs in a range of days in the account's time zone: each time a contact's channel (or an address no contact has)
/// came to block, counted per channel and per source in each period, and the sources ranked over the range.
/// </summary>
/// <param name="From">The first day, in the account's time zone.</param>
/// <param name="To">The last day, included.</param>
/// <param name="TimeZone">The account's IANA time zone the days are counted in.</param>
/// <param name="Period">day, or week (periods named by their first day) for ranges over 92 days.</param>
/// <param name="ByChannel">Every period by every channel, zeros included.</param>
/// <param name="BySource">Every period by every source seen in the range, zeros included.</param>
/// <param name="TopSources">The sources seen in the range, most opt-outs first.</param>
public sealed record OptOutReport(
    DateOnly From,
    DateOnly To,
    string TimeZone,
    string Period,
    int Total,
    IReadOnlyList<OptOutsByChannelRow> ByChannel,
    IReadOnlyList<OptOutsBySourceRow> BySource,
    IReadOnlyList<SourceTotal> TopSources);
