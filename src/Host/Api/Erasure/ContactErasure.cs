using System.Text.Json.Nodes;
using Dnd.Activities;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Contacts;
using Dnd.Crm.Erasure;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Imports;
using Dnd.Rules.Consent;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Erasure;

/// <summary>
/// Erases a contact's personal data on request (GDPR article 17) in one account write, keeping its opt-outs: each of its
/// addresses' blocking (or once blocked) channels is kept under the address's salted hash, so the address coming
/// back is opted out from birth (ConsentStore.AddressAsync); the contact row goes, and every row that held its data
/// keeps what it means without it. The erasure is itself a line of the contact's ledger, naming who asked.
/// </summary>
public sealed class ContactErasure(DndDbContext db, AccountWrites writes, ContactBook book, HeldImportErasure imports, TimeProvider clock,
    ILogger<ContactErasure> logger)
{
    public const string Rule = "ErasureRequest";

    /// <exception cref="ContactNotFoundException">404: no such contact in the account (or already erased).</exception>
    public async Task<ErasureReceipt> EraseAsync(string accountId, string contactId, string actedBy, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var row = await db.Contacts.SingleOrDefaultAsync(c => c.AccountId == accountId && c.Id == contactId, ct)
                  ?? throw new ContactNotFoundException(contactId);
        var now = clock.GetUtcNow();
        var salt = await AccountSalts.GetOrCreateAsync(db, accountId, now, ct);
        var lines = await db.Ledger.Where(l => l.AccountId == accountId && l.ContactId == contactId).ToListAsync(ct);
        var addresses = row.Addresses().ToList();

        var kept = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (kind, address) in addresses)
        {
            kept[kind.ToString().ToLowerInvariant()] = await KeepOptOutsAsync(row, kind, address, salt, lines, now, ct);
        }
        lines.ForEach(ErasedLedger.Scrub);

        var values = addresses.Select(a => a.Address).ToList();
        var counts = new ErasureCounts(lines.Count, await MessagesAsync(accountId, contactId, ct), await ReviewsAsync(accountId, contactId, ct),
            await WorkflowsAsync(accountId, contactId, now, ct), await ScopedIdsAsync(accountId, contactId, ct),
            await DeliveriesAsync(accountId, contactId, values, ct), await SuppressionRemovalsAsync(accountId, contactId, values, ct),
            await ImportIssuesAsync(accountId, values, ct), await imports.EraseAsync(accountId, values, ct),
            await TracesAsync(accountId, values, salt, ct));

        await book.RemoveAsync(row, ct);
        var receipt = new LedgerRecord
        {
            AccountId = accountId, ContactId = contactId, Sequence = row.LedgerSequence + 1, At = now, Event = "contact.erasure",
            Actor = nameof(Actor.User), Verdict = nameof(Verdict.Applied), Rule = Rule, ActedBy = actedBy,
            Explanation = $"Personal data erased on request ({counts}); opt-outs kept as salted hashes: " +
                          string.Join(", ", kept.Select(k => $"{k.Key} [{string.Join(' ', k.Value)}]")),
        };
        db.Ledger.Add(receipt);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        await TruncateWalAsync(ct);
        return new ErasureReceipt(receipt.Id, contactId, now, kept, counts);
    }

    /// <summary>
    /// Keeps the address's opt-outs under its hash and, when no other contact of the account has it, replaces the
    /// address's own consent and ledger lines with the hash (their decisions stay, the address goes).
    /// </summary>
    private async Task<IReadOnlyList<string>> KeepOptOutsAsync(ContactRecord row, AddressKind kind, string address, byte[] salt,
        List<LedgerRecord> contactLines, DateTimeOffset now, CancellationToken ct)
    {
        var accountId = row.AccountId;
        var hash = SuppressionHash.Of(salt, address);
        var shared = await db.AddressConsents.SingleOrDefaultAsync(a => a.AccountId == accountId && a.Address == address, ct);
        var sharedWithOthers = await db.Contacts.WithAddress(accountId, kind, address).AnyAsync(c => c.Id != row.Id, ct);
        var addressLines = sharedWithOthers ? [] : await db.Ledger.Where(l => l.AccountId == accountId && l.ContactId == null && l.Address == address).ToListAsync(ct);

        var erased = await db.ErasedAddresses.SingleOrDefaultAsync(e => e.AccountId == accountId && e.Hash == hash, ct);
        if (erased is null)
        {
            erased = new ErasedAddressRecord { AccountId = accountId, Hash = hash };
            db.ErasedAddresses.Add(erased);
        }
        var states = new AddressConsentState(new AddressConsentRecord { AccountId = accountId, Address = hash, StatesJson = erased.StatesJson });
        var channels = ErasedOptOuts.Keep(states, ContactConsentMapping.ToDomain(row), shared is null ? null : new AddressConsentState(shared), kind,
            [.. contactLines, .. addressLines], now);
        erased.StatesJson = states.Record.StatesJson;
        erased.ErasedAt = now;
        if (!sharedWithOthers)
        {
            // Numbering goes on from here when the address is reborn, so its renamed lines and its new ones never collide.
            erased.LedgerSequence = Math.Max(erased.LedgerSequence, shared?.LedgerSequence ?? 0);
            if (shared is not null)
            {
                db.AddressConsents.Remove(shared);
            }
            foreach (var line in addressLines)
            {
                line.Address = SuppressionHash.LedgerSubject(hash);
                ErasedLedger.Scrub(line);
            }
        }
        return channels.Select(c => c.ToWire()).ToList();
    }

    /// <summary>Bodies, subjects and headers (addresses) go; what was sent when, and why not, stays. Nothing queued leaves.</summary>
    private async Task<int> MessagesAsync(string accountId, string contactId, CancellationToken ct)
    {
        var messages = await db.Messages.Where(m => m.AccountId == accountId && m.ContactId == contactId).ToListAsync(ct);
        foreach (var message in messages)
        {
            (message.Subject, message.Body, message.HeadersJson) = (null, "", "{}");
            if (message.Status is MessageStatus.Queued or MessageStatus.Held)
            {
                (message.Status, message.StatusReason) = (MessageStatus.Cancelled, "contact erased");
            }
        }
        return messages.Count;
    }

    private async Task<int> ReviewsAsync(string accountId, string contactId, CancellationToken ct)
    {
        var reviews = await db.OptOutReviews.Where(r => r.AccountId == accountId && r.ContactId == contactId).ToListAsync(ct);
        foreach (var review in reviews)
        {
            (review.Body, review.Reason, review.Note) = ("", ErasedLedger.Marker, review.Note is null ? null : ErasedLedger.Marker);
        }
        return reviews.Count;
    }

    /// <summary>Live instances are cancelled (as on delete); every instance keeps its definition, status and path, not its data.</summary>
    private async Task<int> WorkflowsAsync(string accountId, string contactId, DateTimeOffset now, CancellationToken ct)
    {
        await RemoveFromAllWorkflows.Cancel(new EfWorkflowRows(new WorkflowDb(db)), accountId, contactId, except: null, now);
        var instances = await db.WorkflowInstances.Where(i => i.AccountId == accountId && i.ContactId == contactId).ToListAsync(ct);
        foreach (var instance in instances)
        {
            (instance.InputJson, instance.VariablesJson, instance.ResumeJson) = ("{}", "{}", null);
            instance.Fault = instance.Fault is null ? null : ErasedLedger.Marker;
        }
        var ids = instances.Select(i => i.Id).ToList();
        foreach (var step in await db.ExecutionLog.Where(l => ids.Contains(l.InstanceId) && l.Note != null).ToListAsync(ct))
        {
            step.Note = ErasedLedger.Marker;
        }
        db.PendingTriggers.RemoveRange(await db.PendingTriggers.Where(t => t.AccountId == accountId && t.ContactId == contactId).ToListAsync(ct));
        return instances.Count;
    }

    private async Task<int> ScopedIdsAsync(string accountId, string contactId, CancellationToken ct)
    {
        var ids = await db.ContactScopedIds.Where(s => s.AccountId == accountId && s.ContactId == contactId).ToListAsync(ct);
        db.ContactScopedIds.RemoveRange(ids);
        return ids.Count;
    }

    /// <summary>
    /// The contact's (and its addresses') outbound webhook bodies and their receivers' answers. A delivery still pending
    /// is sent, not dropped, with the body saying the contact is erased (its type, account and contact id, no personal
    /// data): the receiver learns to erase its own copy rather than keep the last one it had.
    /// </summary>
    private async Task<int> DeliveriesAsync(string accountId, string contactId, List<string> addresses, CancellationToken ct)
    {
        var subjects = addresses.Select(a => "address:" + a).Append(contactId).ToList();
        var deliveries = await db.WebhookDeliveries.Where(d => d.AccountId == accountId && subjects.Contains(d.Subject)).ToListAsync(ct);
        foreach (var delivery in deliveries)
        {
            var aboutContact = delivery.Subject == contactId;
            var body = new JsonObject { ["type"] = delivery.Event, ["locationId"] = accountId, ["erased"] = true };
            if (aboutContact)
            {
                body["contactId"] = contactId;
            }
            (delivery.Subject, delivery.Body) = (aboutContact ? contactId : ErasedLedger.Marker, body.ToJsonString());
        }
        var ids = deliveries.Select(d => d.Id).ToList();
        foreach (var attempt in await db.WebhookAttempts.Where(a => ids.Contains(a.DeliveryId) && a.ResponseExcerpt != null).ToListAsync(ct))
        {
            attempt.ResponseExcerpt = null;
        }
        return deliveries.Count;
    }

    /// <summary>A pending removal from a provider's suppression list would make the address reachable there again: it goes too.</summary>
    private async Task<int> SuppressionRemovalsAsync(string accountId, string contactId, List<string> addresses, CancellationToken ct)
    {
        var removals = await db.SuppressionRemovals.Where(r => r.AccountId == accountId && r.ContactId == contactId).ToListAsync(ct);
        // Those about the address itself too (another contact's lift of it, done or not): their rows quote it.
        removals.AddRange(await db.SuppressionRemovals.Where(r => r.AccountId == accountId && r.ContactId != contactId && addresses.Contains(r.Address))
            .ToListAsync(ct));
        db.SuppressionRemovals.RemoveRange(removals);
        return removals.Count;
    }

    /// <summary>An import's problem lines that quote the address (written before problems stopped quoting addresses).</summary>
    private async Task<int> ImportIssuesAsync(string accountId, List<string> addresses, CancellationToken ct)
    {
        var imports = db.Imports.Where(i => i.AccountId == accountId).Select(i => i.Id);
        var issues = new List<ImportIssueRecord>();
        foreach (var address in addresses)
        {
            issues.AddRange(await db.ImportIssues.Where(i => imports.Contains(i.ImportId) && i.Message.Contains(address)).ToListAsync(ct));
        }
        foreach (var issue in issues)
        {
            issue.Message = ErasedLedger.Marker;
        }
        return issues.Count;
    }

    /// <summary>
    /// Where the address is quoted in the account's records of what the system did: integration audit lines (a
    /// suppression-list removal), job problems (a suppression import's skipped address), the suppression import's
    /// idempotency keys, and smart lists' saved searches. The address becomes the hash there ("erased:&lt;hash&gt;" in a key, so a re-read list still
    /// finds the entry done); the line or key stays.
    /// </summary>
    private async Task<int> TracesAsync(string accountId, List<string> addresses, byte[] salt, CancellationToken ct)
    {
        var count = 0;
        var jobs = db.Jobs.Where(j => j.AccountId == accountId).Select(j => j.Id);
        foreach (var address in addresses)
        {
            var subject = SuppressionHash.LedgerSubject(SuppressionHash.Of(salt, address));
            count += await db.IntegrationEvents.Where(e => e.AccountId == accountId && e.Detail.Contains(address))
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, e => e.Detail.Replace(address, ErasedLedger.Marker)), ct);
            count += await db.JobItems.Where(i => jobs.Contains(i.JobId) && (i.Reference.Contains(address) || i.Message.Contains(address)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(i => i.Reference, i => i.Reference.Replace(address, ErasedLedger.Marker))
                    .SetProperty(i => i.Message, i => i.Message.Replace(address, ErasedLedger.Marker)), ct);
            count += await db.ProcessedWebhooks.Where(p => p.AccountId == accountId && p.EventId.Contains(address))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.EventId, p => p.EventId.Replace(address, subject)), ct);
            // A smart list searching for the address finds nothing now; its filter must not keep the address either.
            count += await db.SmartLists.Where(l => l.AccountId == accountId && (l.Query!.Contains(address) || l.FiltersJson!.Contains(address)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(l => l.Query, l => l.Query!.Replace(address, ErasedLedger.Marker))
                    .SetProperty(l => l.FiltersJson, l => l.FiltersJson!.Replace(address, ErasedLedger.Marker)), ct);
        }
        return count;
    }

    /// <summary>
    /// On SQLite, the WAL still holds the pages as they were before the erasure: copied back and truncated, the
    /// database's files no longer hold the plaintext (secure_delete zeroed what the erasure deleted or overwrote).
    /// PostgreSQL keeps dead rows until VACUUM reclaims them (see README).
    /// </summary>
    private async Task TruncateWalAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite() && !await SqliteWalTruncation.TruncateAsync(db.Database.GetConnectionString()!, ct))
        {
            logger.LogWarning("The WAL could not be truncated after an erasure: its old frames hold the erased data until later writes overwrite them");
        }
    }
}
