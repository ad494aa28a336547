using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.Erasure;
using Dnd.Host.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp.ContactScreen;

/// <summary>
/// The contact record's reads and writes, each in a scope of its own as the signed-in person (<see cref="OperatorSession"/>).
/// A DND change is the API's contact update (<see cref="ContactCommands.UpdateAsync"/>): validated like it, applied by
/// <see cref="ContactDndApplier"/> through the rules, recorded on the ledger with this user as the one who acted, and
/// undone whole when a lift wants what only the user can give.
/// </summary>
public sealed class ContactRecordActions(OperatorSession session)
{
    /// <returns>The contact with its newest <paramref name="ledgerLines"/> ledger lines; null when the account has no such contact.</returns>
    public Task<ContactView?> LoadAsync(string contactId, int ledgerLines, CancellationToken ct = default) => session.RunAsync(async services =>
    {
        var account = session.AccountId;
        var db = services.GetRequiredService<DndDbContext>();
        var row = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == account && c.Id == contactId, ct);
        if (row is null)
        {
            return null;
        }
        // Newest first, one more than shown to know whether there are older ones; the (ContactId, Sequence) index reads it.
        var lines = await db.Ledger.AsNoTracking()
            .Where(l => l.AccountId == account && l.ContactId == contactId)
            .OrderByDescending(l => l.Sequence).Take(ledgerLines + 1).ToListAsync(ct);
        var profile = await services.GetRequiredService<AccountSettingsStore>().ProfileAsync(account, ct);
        return ContactView.From(row, lines.Take(ledgerLines).Select(LedgerEntryDto.From).ToList(), lines.Count > ledgerLines, profile.Zone);
    });

    /// <returns>The contact's revision, or null when it is gone: a cheap read to learn whether it changed.</returns>
    public Task<long?> RevisionAsync(string contactId, CancellationToken ct = default) => session.RunAsync(async services =>
    {
        var account = session.AccountId;
        return await services.GetRequiredService<DndDbContext>().Contacts.AsNoTracking()
            .Where(c => c.AccountId == account && c.Id == contactId).Select(c => (long?)c.Revision).FirstOrDefaultAsync(ct);
    });

    /// <summary>Asks for the change as a user; the rules decide. A refusal is an outcome, not an exception.</summary>
    public Task<DndChangeOutcome> ApplyAsync(string contactId, DndChange change, CancellationToken ct = default) => session.RunAsync(async services =>
    {
        try
        {
            var written = await services.GetRequiredService<ContactCommands>().UpdateAsync(session.AccountId, contactId, change.ToRequest(), ct);
            return DndChangeOutcome.From(change.Target.Label, written.Decisions);
        }
        catch (ApiValidationException e)
        {
            // The API's 422: a lift refused for want of a reason or proof (the applier names what the rule needs), or invalid proof.
            var why = e.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Select(Sentence)) : e.Message;
            return new DndChangeOutcome(true, $"{change.Target.Label}: refused. {why}");
        }
        catch (ContactNotFoundException)
        {
            return new DndChangeOutcome(true, "This contact no longer exists.");
        }
    });

    /// <summary>Erases the contact's personal data as this user (the API's <see cref="ContactErasure"/>), keeping its opt-outs.</summary>
    /// <returns>The receipt; null when the contact is already gone.</returns>
    public Task<ErasureReceipt?> EraseAsync(string contactId, CancellationToken ct = default) => session.RunAsync(async services =>
    {
        try
        {
            var actedBy = services.GetRequiredService<Auth.AccountContext>().ActedBy;
            return await services.GetRequiredService<ContactErasure>().EraseAsync(session.AccountId, contactId, actedBy, ct);
        }
        catch (ContactNotFoundException)
        {
            return (ErasureReceipt?)null;
        }
    });

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";
}
