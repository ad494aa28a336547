using System.Text.Json;
using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Contacts;
using Dnd.Crm.Imports;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using C = Dnd.Host.Api.Contacts.ContactCsvColumns;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// Applies one batch of an import's rows in one account write: each valid row upserts its contact on the normalized
/// address (email first, then phone, as HighLevel's upsert) and asks for its DND changes through the same rules as a
/// user's change (ContactDndApplier). Only what differs from the contact is asked for, and the import's progress is
/// committed with the rows, so a batch run again after a crash adds no contact and no ledger line twice.
/// </summary>
public sealed class ContactImportBatch(DndDbContext db, AccountWrites writes, AccountSettingsStore settings, ContactBook book,
    ContactDndApplier dnd, TimeProvider clock)
{
    public async Task<ImportStep> ApplyAsync(ImportRecord import, int fromRow, int maxRows, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(import.AccountId, ct);
        // What an earlier batch committed, read inside this write so two runners of one import cannot both apply a row.
        await db.Entry(import).ReloadAsync(ct);
        if (import.Status is not (ImportStatus.Validated or ImportStatus.Applying or ImportStatus.Applied))
        {
            throw new ApiValidationException($"Import {import.Id} is {import.Status}: only a fully uploaded file is applied.", status: 409,
                title: "Import not ready");
        }
        if (fromRow > import.AppliedThroughRow + 1)
        {
            throw new ApiValidationException($"Rows {import.AppliedThroughRow + 1} to {fromRow - 1} are not applied yet; start at row {import.AppliedThroughRow + 1}.",
                status: 409, title: "Rows skipped");
        }
        var profile = await settings.ProfileAsync(import.AccountId, ct);
        var start = Math.Max(Math.Max(fromRow, 1), import.AppliedThroughRow + 1);
        // Resumed at the stored offset when starting where the last batch stopped; otherwise read from the top, skipping.
        var resume = start == import.AppliedThroughRow + 1 && import.ResumeOffset > 0;
        var (baseRow, baseOffset) = resume ? (import.AppliedThroughRow, import.ResumeOffset) : (0, 0L);
        var header = ContactImportHeader.Read(JsonSerializer.Deserialize<List<string>>(import.HeaderJson)!);
        await using var csv = CsvReader.Create(new ImportChunkReader(db, import.Id, baseOffset),
            ContactImportCsv.Options(import.Separator[0], hasHeader: !resume), leaveOpen: false);
        var rows = new ContactImportRowReader(header, profile.DefaultRegion, dnd);
        var counts = new Counts();
        var (last, more, nextOffset) = (start - 1, false, 0L);
        while (await csv.ReadAsync(ct))
        {
            var number = baseRow + (int)csv.RowNumber;
            if (number < start)
            {
                continue;
            }
            if (counts.Rows == maxRows)
            {
                (more, nextOffset) = (true, baseOffset + csv.ByteOffset);
                break;
            }
            var row = rows.Read(csv, number, baseOffset + csv.ByteOffset);
            if (row.IsValid)
            {
                await ApplyRowAsync(import, row, profile, counts, ct);
            }
            else
            {
                counts.Skipped++;
            }
            counts.Rows++;
            last = number;
        }
        import.AppliedThroughRow = Math.Max(import.AppliedThroughRow, last);
        import.ResumeOffset = more ? nextOffset : 0;
        import.Status = more ? ImportStatus.Applying : ImportStatus.Applied;
        if (!more)
        {
            // Applied, the file is only a copy of its contacts' personal data (which an erasure could not reach): it goes
            // with the last batch. The counts and the row problems (which name columns and contacts, not addresses) stay.
            await StoredImportFile.DeleteAsync(db, import.Id, ct);
        }
        (import.Created, import.Updated, import.Unchanged, import.Refused, import.Skipped) = (import.Created + counts.Created,
            import.Updated + counts.Updated, import.Unchanged + counts.Unchanged, import.Refused + counts.Refused, import.Skipped + counts.Skipped);
        import.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return new ImportStep(last + 1, !more, counts.Rows, counts.Created, counts.Updated, counts.Unchanged, counts.Refused, counts.Skipped);
    }

    private async Task ApplyRowAsync(ImportRecord import, ContactImportRow row, AccountProfile profile, Counts counts, CancellationToken ct)
    {
        var accountId = import.AccountId;
        var contact = await book.FindAsync(accountId, row.Email, row.Phone, ct);
        if (contact is not null && !profile.AllowDuplicateContact && row.Email is not null && row.Phone is not null
            && await book.FindAsync(accountId, null, row.Phone, ct) is { } other && other.Id != contact.Id)
        {
            // Merging would give one contact another's phone, which an account without duplicates refuses.
            Issue(C.Phone, ImportIssueKinds.Error, $"{C.Phone} is contact {other.Id}'s and {C.Email} is contact {contact.Id}'s: the row was not applied");
            counts.Skipped++;
            return;
        }
        var created = contact is null;
        var changed = false;
        if (contact is null)
        {
            contact = ContactRecord.Create(accountId, clock.GetUtcNow(), row.Request.Source ?? "import");
            Fill(contact);
            await book.AddAsync(contact, profile, ct);
        }
        else
        {
            var before = Snapshot(contact);
            Fill(contact);
            if (Snapshot(contact) != before)
            {
                changed = true;
                contact.UpdatedAt = clock.GetUtcNow();
                contact.Revision++;
                await book.AddressesChangedAsync(contact, before.Email, before.Phone, profile, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        var decisions = Differences(contact, row.Request) is { } dndChange
            ? await dnd.ApplyAsync(accountId, contact.Id, dndChange, created: true, ct)
            : [];
        var refused = decisions.Where(d => d.Verdict == nameof(Verdict.Denied)).ToList();
        foreach (var d in refused)
        {
            var column = d.Channel is { } wire ? C.Dnd(ChannelNames.Parse(wire)) : C.InboundDnd;
            Issue(column, ImportIssueKinds.Refused, $"Not changed: {d.Explanation} ({d.PolicyRule ?? d.Rule})");
        }
        counts.Refused += refused.Count > 0 ? 1 : 0;
        if (created)
        {
            counts.Created++;
        }
        else if (changed || decisions.Any(d => d.Verdict == nameof(Verdict.Applied)))
        {
            counts.Updated++;
        }
        else
        {
            counts.Unchanged++;
        }

        void Fill(ContactRecord c)
        {
            ContactFields.Apply(row.Request, c, profile.DefaultRegion);
            if (row.Tags is { } tags)
            {
                // An import adds tags, as HighLevel's does; it never removes one.
                c.Tags = ContactFields.Distinct(c.Tags.Concat(tags));
            }
        }

        void Issue(string column, string kind, string message) =>
            db.ImportIssues.Add(ContactImportUpload.Issue(import.Id, row.Row, column, kind, message));
    }

    private static (string? First, string? Last, string? Email, string? Phone, string? Company, string? Source, string? Zone, string Tags) Snapshot(ContactRecord c) =>
        (c.FirstName, c.LastName, c.Email, c.Phone, c.CompanyName, c.Source, c.TimeZone, c.TagsText);

    /// <summary>
    /// The row's DND changes that would change something: a channel already as asked (or stronger, for "on") and an
    /// inbound DND already so are left out, so applying a row again writes no ledger line.
    /// </summary>
    private static ContactWriteRequest? Differences(ContactRecord contact, ContactWriteRequest asked)
    {
        var consent = ContactConsentMapping.ToDomain(contact);
        var channels = (asked.DndSettings ?? []).Where(s =>
        {
            var current = consent.Channels[ChannelNames.Parse(s.Key)].Status;
            return DndStatusNames.Parse(s.Value.Status) switch
            {
                DndStatus.Active => current == DndStatus.Inactive,
                { } status => current != status,
                null => false,
            };
        }).ToDictionary();
        var inbound = asked.InboundDndSettings?.All is { } all && (DndStatusNames.Parse(all.Status) == DndStatus.Active) != consent.Inbound.Active
            ? asked.InboundDndSettings
            : null;
        if (channels.Count == 0 && inbound is null)
        {
            return null;
        }
        var change = new ContactWriteRequest();
        change = channels.Count > 0 ? change with { DndSettings = channels } : change;
        return inbound is not null ? change with { InboundDndSettings = inbound } : change;
    }

    private sealed class Counts
    {
        public int Rows, Created, Updated, Unchanged, Refused, Skipped;
    }
}
