using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Consent;

/// <summary>
/// Applies consent events: under the account's write lock, reads the current state, runs the rules, and stores
/// the result (state, ledger lines, shared address consent, triggers, cancelled sends) in one transaction.
/// Called inside an open account write (a webhook, a workflow step) it joins that write and leaves the commit
/// to its owner.
/// </summary>
public sealed class ConsentService(CrmDbContext db, ConsentEngine engine, ConsentApplier applier, AccountSettingsStore settings, AccountWrites writes)
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
    public async Task<ConsentDecision> ApplyAsync(ContactRecord row, ConsentEvent evt, CancellationToken ct = default) =>
        await applier.ApplyAsync(row, evt, await settings.SettingsAsync(row.AccountId, ct));

    /// <inheritdoc cref="ConsentApplier.ApplyToAddressAsync"/>
    /// <remarks>Inside the caller's open account write; the caller saves.</remarks>
    public async Task<IReadOnlyList<(string? ContactId, ConsentDecision Decision)>> ApplyToAddressAsync(
        string accountId, AddressKind kind, string address, ConsentEvent evt, CancellationToken ct = default) =>
        await applier.ApplyToAddressAsync(accountId, kind, address, evt, await settings.SettingsAsync(accountId, ct), ct);

    public async Task<ConsentLedgerEntry> SetInboundAsync(string accountId, string contactId, bool active, string by, string? message, CancellationToken ct = default)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var row = await LoadAsync(accountId, contactId, ct);
        var entry = engine.SetInbound(applier.Store.Contact(row), active, by, message);
        applier.Store.Write(row, [entry]);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return entry;
    }

    /// <summary>
    /// Records, inside the caller's open account write, a decision about the contact that changes no DND (a choice the
    /// rules refused before anything was asked of them, say); the caller saves.
    /// </summary>
    public ConsentLedgerEntry Note(ContactRecord row, Channel channel, string evt, Actor actor, string rule, string why, string? actedBy)
    {
        var entry = engine.Note(applier.Store.Contact(row), channel, evt, actor, rule, why, actedBy);
        applier.Store.Write(row, [entry]);
        return entry;
    }

    /// <exception cref="ContactNotFoundException">No such contact in this account.</exception>
    public async Task<ContactRecord> LoadAsync(string accountId, string contactId, CancellationToken ct) =>
        await applier.Rows.FindContactAsync(accountId, contactId, ct) ?? throw new ContactNotFoundException(contactId);
}
