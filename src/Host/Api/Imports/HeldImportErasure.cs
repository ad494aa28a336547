using System.Text.Json;
using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Erasure;
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
/// Called inside the erasure's account write: a batch of the apply cannot run between the read and the rewrite. A
/// file still being uploaded then is reached at the upload's end instead (<see cref="EraseUploadedAsync"/>).
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
                // touched: its rows are being stored outside any account write; its end blanks them.)
                if (import.Status == ImportStatus.Failed)
                {
                    await StoredImportFile.DeleteAsync(db, import.Id, ct);
                }
                continue;
            }
            var rows = await RowsAsync(import, addresses.Contains, region, ct);
            await BlankAsync(import, rows, ct);
            blanked += rows.Count;
        }
        return blanked;
    }

    /// <summary>
    /// At the end of an upload, inside the account write that marks it validated: the rows of the contacts erased
    /// since the upload began, which <see cref="EraseAsync"/> could not reach while the file was still being stored.
    /// The erasure left only each address's salted hash (<see cref="ErasedAddressRecord"/>, one per erased address),
    /// so each row's addresses are hashed to match. A contact erased before the upload began is not looked for: that
    /// file is a deliberate import of the address again, which is then born with its kept opt-outs.
    /// </summary>
    /// <returns>The rows blanked.</returns>
    public async Task<int> EraseUploadedAsync(ImportRecord import, CancellationToken ct)
    {
        var erased = await db.ErasedAddresses.Where(e => e.AccountId == import.AccountId && e.ErasedAt >= import.CreatedAt)
            .Select(e => e.Hash).ToListAsync(ct);
        if (erased.Count == 0)
        {
            return 0;
        }
        // The erasure made the account's salt in its own write, so it is there.
        var salt = (await db.AccountSalts.SingleAsync(s => s.AccountId == import.AccountId, ct)).Salt;
        var hashes = erased.ToHashSet(StringComparer.Ordinal);
        var region = (await settings.ProfileAsync(import.AccountId, ct)).DefaultRegion;
        var rows = await RowsAsync(import, address => hashes.Contains(SuppressionHash.Of(salt, address)), region, ct);
        await BlankAsync(import, rows, ct);
        return rows.Count;
    }

    private sealed record HeldRow(int Row, long Start, long End, bool WasValid);

    /// <summary>The rows with an address <paramref name="held"/> picks, with where each starts and ends in the file.</summary>
    private async Task<List<HeldRow>> RowsAsync(ImportRecord import, Func<string, bool> held, string region, CancellationToken ct)
    {
        var header = ContactImportHeader.Read(JsonSerializer.Deserialize<List<string>>(import.HeaderJson)!);
        var reader = new ContactImportRowReader(header, region, dnd);
        await using var csv = CsvReader.Create(new ImportChunkReader(db, import.Id, 0), ContactImportCsv.Options(import.Separator[0], hasHeader: true), leaveOpen: false);
        var found = new List<HeldRow>();
        ContactImportRow? heldRow = null;
        while (await csv.ReadAsync(ct))
        {
            var row = reader.Read(csv, (int)csv.RowNumber, csv.ByteOffset);
            if (heldRow is not null)
            {
                found.Add(new HeldRow(heldRow.Row, heldRow.Offset, row.Offset, heldRow.IsValid));
            }
            heldRow = row.Email is { } email && held(email) || row.Phone is { } phone && held(phone) ? row : null;
        }
        if (heldRow is not null)
        {
            found.Add(new HeldRow(heldRow.Row, heldRow.Offset, import.Bytes, heldRow.IsValid));
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
