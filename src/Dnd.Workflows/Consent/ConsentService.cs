using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Consent;

/// <summary>
/// Applies consent events: under the account's write lock, reads the current state, runs the rules, and stores
/// the result (state, ledger lines, shared address consent, triggers, cancelled sends) in one transaction.
/// Called inside an open account write (a webhook, a workflow step) it joins that write and leaves the commit
/// to its owner.
/// </summary>
public sealed class ConsentService(DndDbContext db, ConsentEngine engine, ConsentStore store, AccountSettingsStore settings, AccountWrites writes, TimeProvider clock)
{
    public async Task<ConsentDecision> ApplyAsync(string accountId, string contactId, ConsentEvent evt, CancellationToken ct = default)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var decision = await ApplyAsync(await LoadAsync(accountId, contactId, ct), evt, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return decision;
    }

    /// <summary>Applies an event to a contact loaded inside the caller's open account write; the caller saves.</summary>
    public async Task<ConsentDecision> ApplyAsync(ContactRecord row, ConsentEvent evt, CancellationToken ct = default)
    {
        var decision = await engine.ApplyAsync(store.Contact(row), evt, await settings.SettingsAsync(row.AccountId, ct));
        await store.RecordAsync(row, decision, ct);
        return decision;
    }

    /// <summary>
    /// Applies a provider's event about an address (a Mailgun recipient, a Twilio number) to every contact of the
    /// account that has it, oldest first, or, when none has, to the address itself so that the contact created
    /// for it later is opted out from birth. Inside the caller's open account write; the caller saves.
    /// </summary>
    /// <returns>One decision per contact, or the address's own decision.</returns>
    public async Task<IReadOnlyList<(string? ContactId, ConsentDecision Decision)>> ApplyToAddressAsync(
        string accountId, AddressKind kind, string address, ConsentEvent evt, CancellationToken ct = default)
    {
        // Oldest first, sorted here: see ContactBook.Oldest for why not in SQL.
        var contacts = (await db.Contacts.WithAddress(accountId, kind, address).ToListAsync(ct))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var results = new List<(string?, ConsentDecision)>();
        foreach (var row in contacts)
        {
            results.Add((row.Id, await ApplyAsync(row, evt, ct)));
        }
        if (contacts.Count == 0)
        {
            results.Add((null, await ApplyToAddressOnlyAsync(accountId, kind, address, evt, ct)));
        }
        return results;
    }

    public async Task<ConsentLedgerEntry> SetInboundAsync(string accountId, string contactId, bool active, string by, string? message, CancellationToken ct = default)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var row = await LoadAsync(accountId, contactId, ct);
        var entry = engine.SetInbound(store.Contact(row), active, by, message);
        store.Write(row, [entry]);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return entry;
    }

    private async Task<ConsentDecision> ApplyToAddressOnlyAsync(string accountId, AddressKind kind, string address, ConsentEvent evt, CancellationToken ct)
    {
        var shared = await store.AddressAsync(accountId, address, ct);
        var subject = ContactConsent.Restore($"address:{address}", shared.Channels(kind), InboundDnd.Off, 0);
        var decision = await engine.ApplyAsync(subject, evt, await settings.SettingsAsync(accountId, ct));
        // The address carries only its own channels; what the event asked of others has no one to apply to.
        var now = clock.GetUtcNow();
        foreach (var outcome in decision.Outcomes.Where(o => o.Verdict == Verdict.Applied && o.Channel.Address() == kind))
        {
            shared.Set(outcome.Channel, outcome.After, now);
        }
        store.WriteAddressLines(shared, decision.Entries.Where(e => e.Channel is null || e.Channel.Value.Address() == kind));
        return decision;
    }

    /// <exception cref="ContactNotFoundException">No such contact in this account.</exception>
    public async Task<ContactRecord> LoadAsync(string accountId, string contactId, CancellationToken ct) =>
        await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.AccountId == accountId, ct)
        ?? throw new ContactNotFoundException(contactId);
}
