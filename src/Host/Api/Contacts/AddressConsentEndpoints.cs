using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// The consent of one phone or email of the account, whether or not a contact has it now: the suppression list,
/// with the address's own ledger (decisions made where no contact had it, and every change shared from a contact).
/// </summary>
public static class AddressConsentEndpoints
{
    public static void MapAddressConsentEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/consent/addresses/{address}", GetAsync).WithTags("Contacts").WithName("GetAddressConsent")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<AddressConsentResponse>> GetAsync(string address, AccountContext account, DndDbContext db, AccountSettingsStore settings, CancellationToken ct)
    {
        var region = (await settings.ProfileAsync(account.AccountId, ct)).DefaultRegion;
        var (kind, normalized) = address.Contains('@')
            ? (AddressKind.Email, Addresses.Email(address))
            : (AddressKind.Phone, Addresses.Phone(address, region));
        if (normalized is null)
        {
            throw new Errors.ApiValidationException($"'{address}' is neither an email address nor a phone number.");
        }
        var record = await db.AddressConsents.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == account.AccountId && a.Address == normalized, ct)
            ?? throw new Errors.ApiValidationException($"No consent is recorded for {normalized}.", status: StatusCodes.Status404NotFound, title: "Address not found");
        var state = new AddressConsentState(record);
        var ledger = await db.Ledger.AsNoTracking()
            .Where(l => l.AccountId == account.AccountId && l.ContactId == null && l.Address == normalized)
            .OrderBy(l => l.Sequence).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().WithAddress(account.AccountId, kind, normalized)
            .Select(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(new AddressConsentResponse(
            normalized,
            state.Channels(kind).ToDictionary(c => c.Key.ToWire(), c => AddressChannelDto.From(c.Value)),
            contacts,
            ledger.Select(LedgerEntryDto.From).ToList()));
    }
}
