using CsvHelper;

namespace Dnd.Host.Api.Reports;

/// <summary>Opt-outs from one source in one period: a row of the by-source table and CSV.</summary>
/// <param name="Source">The source's key (<see cref="OptOutSources"/>), e.g. keyword or mailgun_unsubscribe.</param>
[CsvRecord]
public sealed partial record OptOutsBySourceRow(DateOnly Period, string Source, string Label, int OptOuts);
