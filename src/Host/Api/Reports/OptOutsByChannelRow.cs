using CsvHelper;

namespace Dnd.Host.Api.Reports;

/// <summary>Opt-outs on one channel in one period (named by its first day, in the account's zone): a row of the by-channel table and CSV.</summary>
[CsvRecord]
public sealed partial record OptOutsByChannelRow(DateOnly Period, string Channel, int OptOuts);
