using CsvHelper;

namespace Dnd.Host.Api.Reports;

/// <summary>
/// The reports' CSV: written here for the API's format=csv and for the screen's download links alike. One method per
/// row type, so CsvHelper's source generator sees the concrete record it writes.
/// </summary>
public static class ReportCsv
{
    public const string ByChannel = "channel";
    public const string BySource = "source";

    public static async Task WriteAsync(Stream stream, OptOutReport report, string by)
    {
        await using var csv = CsvWriter.Create(stream, null, leaveOpen: true);
        if (by == BySource)
        {
            await csv.WriteRecordsAsync(report.BySource);
        }
        else
        {
            await csv.WriteRecordsAsync(report.ByChannel);
        }
    }

    public static async Task<byte[]> BytesAsync(OptOutReport report, string by)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, report, by);
        return buffer.ToArray();
    }

    public static string FileName(OptOutReport report, string by) => $"opt-outs-by-{by}-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.csv";
}
