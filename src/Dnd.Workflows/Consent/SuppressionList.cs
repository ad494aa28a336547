using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Consent;

/// <summary>
/// Keeps a deleted contact's permanent DND by address, and puts it back on any contact of the same account that
/// later has that email or phone. Only permanent DND is kept: it records the contact's or carrier's choice,
/// which deleting a CRM record does not undo.
/// </summary>
public sealed class SuppressionList(DndDbContext db, ConsentEngine engine, TimeProvider clock)
{
    /// <summary>Stages suppressions for a contact about to be deleted; saved with the delete.</summary>
    public async Task RememberAsync(ContactRecord row, CancellationToken ct = default)
    {
        var consent = ContactConsentMapping.ToDomain(row);
        foreach (var (channel, state) in consent.Channels.Where(c => c.Value.Status == DndStatus.Permanent))
        {
            var address = AddressFor(row, channel);
            if (address is null)
            {
                continue;
            }
            var wire = channel.ToWire();
            var existing = await db.Suppressions.SingleOrDefaultAsync(s => s.AccountId == row.AccountId && s.Address == address && s.Channel == wire, ct);
            if (existing is null)
            {
                db.Suppressions.Add(new SuppressionRecord
                {
                    AccountId = row.AccountId, Channel = wire, Address = address, Code = state.Code, Message = state.Message,
                    SpamLock = state.SpamLock, At = clock.GetUtcNow(),
                });
            }
            else if (state.SpamLock)
            {
                existing.SpamLock = true;
                existing.Code = state.Code;
                existing.Message = state.Message;
            }
        }
    }

    /// <summary>Re-applies suppressions matching the contact's current email and phone, then saves.</summary>
    public async Task<int> RestoreAsync(ContactRecord row, CancellationToken ct = default)
    {
        var addresses = new[] { row.Email, row.Phone }.Where(a => a is not null).ToList();
        if (addresses.Count == 0)
        {
            return 0;
        }
        var matches = await db.Suppressions.AsNoTracking()
            .Where(s => s.AccountId == row.AccountId && addresses.Contains(s.Address)).ToListAsync(ct);
        var consent = ContactConsentMapping.ToDomain(row);
        var restored = 0;
        foreach (var s in matches)
        {
            var channel = ChannelNames.Parse(s.Channel);
            if (AddressFor(row, channel) != s.Address)
            {
                continue;
            }
            var remembered = new ChannelDnd(DndStatus.Permanent, s.Code, s.Message, "suppression-list", s.At, s.SpamLock);
            if (engine.RestoreSuppressed(consent, channel, remembered, s.Address) is { } entry)
            {
                db.Ledger.Add(ContactConsentMapping.ToRecord(row.AccountId, row.Id, entry));
                restored++;
            }
        }
        if (restored > 0)
        {
            ContactConsentMapping.CopyToRow(consent, row);
            row.Revision++;
            await db.SaveChangesAsync(ct);
        }
        return restored;
    }

    private static string? AddressFor(ContactRecord row, Channel channel) => channel switch
    {
        Channel.Email => row.Email,
        Channel.Sms or Channel.WhatsApp or Channel.Call => row.Phone,
        _ => null,
    };
}
