using CsvHelper;

namespace Dnd.Host.Api.Imports;

/// <summary>How an import's file is read, the same on upload and on every later batch.</summary>
public static class ContactImportCsv
{
    /// <summary>A row larger than this is no contact: it guards against an unclosed quote swallowing the file.</summary>
    public const int MaxRowBytes = 64 * 1024;

    /// <param name="separator">Null on upload (found from the file's first lines); the one found then, on later batches.</param>
    /// <param name="hasHeader">False for a batch that resumes mid-file, whose header is the stored one.</param>
    public static CsvReaderOptions Options(char? separator, bool hasHeader) =>
        CsvReaderOptions.Default with { Separator = separator, HasHeader = hasHeader, MaxRecordSize = MaxRowBytes };
}
