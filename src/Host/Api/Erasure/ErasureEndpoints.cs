using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.Conversations;
using Dnd.Host.Api.Reviews;
using Dnd.Host.Api.Workflows;
using Dnd.Host.Auth;
using Dnd.Rules.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Erasure;

/// <summary>A contact's data-subject requests: erasure that keeps the opt-outs, and access (the export of all held about them).</summary>
public static class ErasureEndpoints
{
    public static void MapErasureEndpoints(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts").ProducesProblem(StatusCodes.Status401Unauthorized);
        contacts.MapPost("/{contactId}/erasure", EraseAsync).WithName("EraseContact").ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapGet("/{contactId}/export", ExportAsync).WithName("ExportContact").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Erases the contact's personal data, keeping its opt-outs hashed; a second erasure finds no contact (404).</summary>
    private static async Task<Ok<ErasureReceipt>> EraseAsync(string contactId, AccountContext account, ContactErasure erasure, CancellationToken ct) =>
        TypedResults.Ok(await erasure.EraseAsync(account.AccountId, contactId, account.ActedBy, ct));

    private static async Task<Ok<AccessExport>> ExportAsync(string contactId, AccountContext account, DndDbContext db, AccountSettingsStore settings,
        TimeProvider clock, CancellationToken ct)
    {
        var accountId = account.AccountId;
        var row = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == accountId && c.Id == contactId, ct)
                  ?? throw new ContactNotFoundException(contactId);
        var addresses = new Dictionary<string, Dictionary<string, AddressChannelDto>>();
        foreach (var (kind, address) in row.Addresses())
        {
            if (await db.AddressConsents.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId && a.Address == address, ct) is { } record)
            {
                addresses[address] = new AddressConsentState(record).Channels(kind).ToDictionary(c => c.Key.ToWire(), c => AddressChannelDto.From(c.Value));
            }
        }
        var ledger = await db.Ledger.AsNoTracking().Where(l => l.AccountId == accountId && l.ContactId == contactId).OrderBy(l => l.Sequence).ToListAsync(ct);
        var messages = await db.Messages.AsNoTracking().Where(m => m.AccountId == accountId && m.ContactId == contactId).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var reviews = await db.OptOutReviews.AsNoTracking().Where(r => r.AccountId == accountId && r.ContactId == contactId).ToListAsync(ct);
        var scoped = await db.ContactScopedIds.AsNoTracking().Where(s => s.AccountId == accountId && s.ContactId == contactId)
            .Select(s => new ScopedIdDto(s.Platform, s.ScopedId, s.CreatedAt)).ToListAsync(ct);
        var (now, zone) = (clock.GetUtcNow(), (await settings.ProfileAsync(accountId, ct)).Zone);
        return TypedResults.Ok(new AccessExport(now, ContactMapper.ToDto(row),
            addresses,
            ledger.Select(LedgerEntryDto.From).ToList(),
            messages.Select(MessageDto.From).ToList(),
            reviews.OrderBy(r => r.ReceivedAt).Select(r => OptOutReviewDto.From(r, row.FullName, now, zone)).ToList(),
            await ContactWorkflowEntry.ForContactAsync(db, accountId, contactId, ct),
            scoped));
    }
}
