using System.Text.Json;
using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Imports;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// Takes an erased contact's rows out of the files of the account's imports not applied yet (applied ones no longer
/// have a file). Each row whose email or phone, read as the apply reads it, is one of the erased addresses is
/// overwritten in place with a row of empty cells of the same length, not cut out: row numbers, the problems' rows
/// and a resuming apply's byte offset all stay right. Applied later, the blank row is an error row the apply leaves
/// out and reports ("erased"); the contact is not re-created from the file, and nothing of it is left to do so. A
/// user who means to bring the address back imports it again, and it is then born with its kept opt-outs.
/// Called inside the erasure's account write: a batch of the apply cannot run between the read and the rewrite.
/// </summary>
public sealed class HeldImportErasure(DndDbContext db, AccountSettingsStore settings, ContactDndApplier dnd)
{
    public const string Problem = "The row held a contact erased on request: its data is erased and the row is left out";

    /// <returns>The rows blanked.</returns>
    public async Task<int> EraseAsync(string accountId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        var imports = await db.Imports
            .Where(i => i.AccountId == accountId && i.Status != ImportStatus.Applied && db.ImportChunks.Any(c => c.ImportId == i.Id)).ToListAsync(ct);
        var region = (await settings.ProfileAsync(accountId, ct)).DefaultRegion;
        var blanked = 0;
        foreach (var import in imports)
        {
            if (import.Status is not (ImportStatus.Validated or ImportStatus.Applying))
            {
                // A failed upload can never be applied, so its file is of no use to keep. (One still uploading is not
                // touched: its rows are being stored outside any account write; applied, the hash keeps it opted out.)
                if (import.Status == ImportStatus.Failed)
                {
                    await StoredImportFile.DeleteAsync(db, import.Id, ct);
                }
                continue;
            }
            var rows = await RowsAsync(import, addresses, region, ct);
            await BlankAsync(import, rows, ct);
            blanked += rows.Count;
        }
        return blanked;
    }

    private sealed record HeldRow(int Row, long Start, long End, bool WasValid);

    /// <summary>The rows holding one of the addresses, with where each starts and ends in the file.</summary>
    private async Task<List<HeldRow>> RowsAsync(ImportRecord import, IReadOnlyCollection<string> addresses, string region, CancellationToken ct)
    {
        var header = ContactImportHeader.Read(JsonSerializer.Deserialize<List<string>>(import.HeaderJson)!);
        var reader = new ContactImportRowReader(header, region, dnd);
        await using var csv = CsvReader.Create(new ImportChunkReader(db, import.Id, 0), ContactImportCsv.Options(import.Separator[0], hasHeader: true), leaveOpen: false);
        var found = new List<HeldRow>();
        ContactImportRow? held = null;
        while (await csv.ReadAsync(ct))
        {
            var row = reader.Read(csv, (int)csv.RowNumber, csv.ByteOffset);
            if (held is not null)
            {
                found.Add(new HeldRow(held.Row, held.Offset, row.Offset, held.IsValid));
            }
            held = row.Email is { } email && addresses.Contains(email) || row.Phone is { } phone && addresses.Contains(phone) ? row : null;
        }
        if (held is not null)
        {
            found.Add(new HeldRow(held.Row, held.Offset, import.Bytes, held.IsValid));
        }
        return found;
    }

    private async Task BlankAsync(ImportRecord import, List<HeldRow> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            var chunks = await db.ImportChunks.Where(c => c.ImportId == import.Id
                && c.Index >= row.Start / ImportChunkRecord.Size && c.Index <= (row.End - 1) / ImportChunkRecord.Size).ToListAsync(ct);
            // Byte arrays are compared by reference: a copy makes the change tracker see the chunk changed.
            chunks.ForEach(c => c.Data = c.Data.ToArray());
            var end = row.End;
            // The line break ending the row stays, so the next row still starts where it did.
            while (end > row.Start && Byte(chunks, end - 1) is (byte)'\n' or (byte)'\r')
            {
                end--;
            }
            for (var at = row.Start; at < end; at++)
            {
                // A separator first makes the row at least two empty cells: never a blank line a reader might skip.
                Set(chunks, at, at == row.Start ? (byte)import.Separator[0] : (byte)' ');
            }
            db.ImportIssues.Add(ContactImportUpload.Issue(import.Id, row.Row, null, ImportIssueKinds.Error, Problem));
            if (row.WasValid && row.Row > import.AppliedThroughRow)
            {
                // The file changed since its dry run: applying it now leaves this row out, which skipInvalidRows says.
                (import.ValidRows, import.ErrorRows) = (import.ValidRows - 1, import.ErrorRows + 1);
            }
        }
    }

    private static byte Byte(List<ImportChunkRecord> chunks, long at) =>
        chunks.Single(c => c.Index == at / ImportChunkRecord.Size).Data[at % ImportChunkRecord.Size];

    private static void Set(List<ImportChunkRecord> chunks, long at, byte value) =>
        chunks.Single(c => c.Index == at / ImportChunkRecord.Size).Data[at % ImportChunkRecord.Size] = value;
}
