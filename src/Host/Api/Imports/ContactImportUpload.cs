using System.Text.Json;
using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Imports;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Microsoft.EntityFrameworkCore;
using C = Dnd.Host.Api.Contacts.ContactCsvColumns;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// Takes an import's file and dry-runs it in one pass: the body is stored in chunks as the CSV reader streams through
/// it, every row is checked, and what would happen (new contacts, updates, duplicates merged) is counted. Nothing about
/// contacts is written; the problems are stored by row and column.
/// </summary>
public sealed class ContactImportUpload(DndDbContext db, AccountSettingsStore settings, ContactDndApplier dnd, AccountContext caller, AccountWrites writes,
    HeldImportErasure erasure, TimeProvider clock)
{
    /// <summary>Rows whose addresses are looked up among the account's contacts in one query.</summary>
    private const int LookupRows = 500;

    /// <exception cref="ApiValidationException">422 when the header or the file's encoding cannot be read; nothing is kept then.</exception>
    public async Task<ImportRecord> UploadAsync(Stream body, CancellationToken ct)
    {
        var profile = await settings.ProfileAsync(caller.AccountId, ct);
        var now = clock.GetUtcNow();
        var import = new ImportRecord
        {
            Id = Guid.NewGuid().ToString("N"), AccountId = caller.AccountId, Status = ImportStatus.Uploading, CreatedBy = caller.ActedBy,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);
        try
        {
            await ReadAsync(import, body, profile.DefaultRegion, ct);
        }
        catch (ApiValidationException)
        {
            await ForgetAsync(import.Id);
            throw;
        }
        catch (Exception e) when (e is CsvFormatException or OperationCanceledException or IOException)
        {
            // Kept as failed, not deleted: the counts so far show where it broke off.
            import.Status = ImportStatus.Failed;
            import.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
            if (e is CsvFormatException)
            {
                throw new ApiValidationException($"The file is not CSV this import can read past row {import.Rows}: {e.Message}");
            }
            throw;
        }
        return import;
    }

    private async Task ReadAsync(ImportRecord import, Stream body, string region, CancellationToken ct)
    {
        var file = new ImportChunkWriter(db, import.Id, body);
        await using var csv = CsvReader.Create(file, ContactImportCsv.Options(null, hasHeader: true), leaveOpen: true);
        await csv.ReadHeaderAsync(ct);
        if (file.StartsWithUtf16())
        {
            throw new ApiValidationException("The file is UTF-16; save it as CSV UTF-8 (a spreadsheet's \"CSV UTF-8\") and upload it again.");
        }
        var header = ContactImportHeader.Read(csv.Headers);
        import.HeaderJson = JsonSerializer.Serialize(header.Names);
        import.Separator = csv.Separator.ToString();
        var rows = new ContactImportRowReader(header, region, dnd);
        // Each address with the first row that has it: the one thing held per row (not the row), so a later row with
        // the same address is reported as merged into that one's contact.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<ContactImportRow>(LookupRows);
        while (await csv.ReadAsync(ct))
        {
            pending.Add(rows.Read(csv, (int)csv.RowNumber, csv.ByteOffset));
            if (pending.Count == LookupRows)
            {
                await CheckAsync(import, pending, seen, ct);
            }
        }
        await CheckAsync(import, pending, seen, ct);
        await file.CompleteAsync(ct);
        // In the account's write, as an erasure is: one that came while the file was being stored (and so passed it
        // by) has committed before this reads for it, and one after this sees the file validated and rewrites it.
        await using var write = await writes.BeginAsync(import.AccountId, ct);
        (import.Bytes, import.Chunks, import.Status, import.UpdatedAt) = (file.Bytes, file.Chunks, ImportStatus.Validated, clock.GetUtcNow());
        await erasure.EraseUploadedAsync(import, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }

    /// <summary>Counts what the rows would do, against the account's contacts and the file's earlier rows, and stores their problems.</summary>
    private async Task CheckAsync(ImportRecord import, List<ContactImportRow> pending, Dictionary<string, int> seen, CancellationToken ct)
    {
        var emails = pending.Where(r => r.IsValid && r.Email is not null).Select(r => r.Email).Distinct().ToList();
        var phones = pending.Where(r => r.IsValid && r.Phone is not null).Select(r => r.Phone).Distinct().ToList();
        var known = await db.Contacts.AsNoTracking()
            .Where(c => c.AccountId == import.AccountId && (emails.Contains(c.Email) || phones.Contains(c.Phone)))
            .Select(c => new { c.Email, c.Phone }).ToListAsync(ct);
        var knownEmails = known.Select(k => k.Email).ToHashSet(StringComparer.Ordinal);
        var knownPhones = known.Select(k => k.Phone).ToHashSet(StringComparer.Ordinal);
        var issues = new List<ImportIssueRecord>();
        foreach (var row in pending)
        {
            import.Rows++;
            issues.AddRange(row.Errors.Select(e => Issue(import.Id, row.Row, e.Column, ImportIssueKinds.Error, e.Message)));
            if (!row.IsValid)
            {
                import.ErrorRows++;
                continue;
            }
            import.ValidRows++;
            var (emailKey, phoneKey) = ("e:" + row.Email, "p:" + row.Phone);
            if (row.Email is not null && seen.TryGetValue(emailKey, out var first) || row.Phone is not null && seen.TryGetValue(phoneKey, out first))
            {
                import.Duplicates++;
                issues.Add(Issue(import.Id, row.Row, row.Email is not null && seen.ContainsKey(emailKey) ? C.Email : C.Phone, ImportIssueKinds.Note,
                    $"Same address as row {first}: merged into that row's contact"));
            }
            else if (row.Email is not null && knownEmails.Contains(row.Email) || row.Phone is not null && knownPhones.Contains(row.Phone))
            {
                import.Updates++;
            }
            else
            {
                import.NewContacts++;
            }
            if (row.Email is not null)
            {
                seen.TryAdd(emailKey, row.Row);
            }
            if (row.Phone is not null)
            {
                seen.TryAdd(phoneKey, row.Row);
            }
        }
        pending.Clear();
        db.ImportIssues.AddRange(issues);
        await db.SaveChangesAsync(ct);
        foreach (var issue in issues)
        {
            db.Entry(issue).State = EntityState.Detached;
        }
    }

    internal static ImportIssueRecord Issue(string importId, int row, string? column, string kind, string message) =>
        new() { ImportId = importId, Row = row, Column = column, Kind = kind, Message = message };

    /// <summary>A file refused as a whole (at its header) leaves nothing behind; at most its first chunks were stored.</summary>
    private async Task ForgetAsync(string importId)
    {
        db.ChangeTracker.Clear();
        await using var write = await writes.BeginAsync(caller.AccountId, CancellationToken.None);
        await StoredImportFile.DeleteAsync(db, importId, CancellationToken.None);
        db.Imports.RemoveRange(await db.Imports.Where(i => i.Id == importId).ToListAsync(CancellationToken.None));
        await db.SaveChangesAsync(CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
    }
}
