using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Consent;

/// <summary>
/// Applies consent events to stored contacts: loads the row, runs the rules, writes the new state, the ledger lines
/// and a DND-changed trigger per channel that flipped, all in one save.
/// </summary>
public sealed class ConsentService(DndDbContext db, ConsentEngine engine, WorkSignal signal, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<ConsentDecision> ApplyAsync(string accountId, string contactId, ConsentEvent evt, CancellationToken ct = default)
    {
        var row = await LoadAsync(accountId, contactId, ct);
        var settings = await SettingsAsync(accountId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var consent = ContactConsentMapping.ToDomain(row);
            var decision = await engine.ApplyAsync(consent, evt, settings);
            var added = Stage(accountId, row, consent, decision.Entries);
            foreach (var outcome in decision.Outcomes.Where(o => o.Before.Blocks != o.After.Blocks))
            {
                added.Add(db.PendingTriggers.Add(DndChangedTrigger(accountId, contactId, outcome)).Entity);
            }
            if (await TrySaveAsync(row, added, attempt, ct))
            {
                if (decision.Changed)
                {
                    signal.Pulse();
                }
                return decision;
            }
        }
    }

    public async Task<ConsentLedgerEntry> SetInboundAsync(string accountId, string contactId, bool active, string by, string? message, CancellationToken ct = default)
    {
        var row = await LoadAsync(accountId, contactId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var consent = ContactConsentMapping.ToDomain(row);
            var entry = engine.SetInbound(consent, active, by, message);
            var added = Stage(accountId, row, consent, [entry]);
            if (await TrySaveAsync(row, added, attempt, ct))
            {
                return entry;
            }
        }
    }

    public async Task<AccountSettings> SettingsAsync(string accountId, CancellationToken ct = default)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        return AccountSettingsJson.Parse(account.SettingsJson);
    }

    private async Task<ContactRecord> LoadAsync(string accountId, string contactId, CancellationToken ct) =>
        await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.AccountId == accountId, ct)
        ?? throw new ContactNotFoundException(contactId);

    private List<object> Stage(string accountId, ContactRecord row, ContactConsent consent, IEnumerable<ConsentLedgerEntry> entries)
    {
        ContactConsentMapping.CopyToRow(consent, row);
        row.Revision++;
        row.UpdatedAt = clock.GetUtcNow();
        var added = new List<object>();
        foreach (var entry in entries)
        {
            added.Add(db.Ledger.Add(ContactConsentMapping.ToRecord(accountId, row.Id, entry)).Entity);
        }
        return added;
    }

    /// <summary>On a lost race, reloads the contact and lets the caller decide again on the fresh state.</summary>
    private async Task<bool> TrySaveAsync(ContactRecord row, List<object> added, int attempt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts && db.Database.CurrentTransaction is null)
        {
            foreach (var entity in added)
            {
                db.Entry(entity).State = EntityState.Detached;
            }
            await db.Entry(row).ReloadAsync(ct);
            return false;
        }
    }

    private PendingTriggerRecord DndChangedTrigger(string accountId, string contactId, ChannelOutcome outcome) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        AccountId = accountId,
        ContactId = contactId,
        Kind = TriggerKinds.DndChanged,
        PayloadJson = JsonSerializer.Serialize(new DndChangedPayload(outcome.Channel.ToWire(), outcome.After.Blocks, outcome.After.Status.ToString())),
        CreatedAt = clock.GetUtcNow(),
    };
}
