using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Rules.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using C = Dnd.Host.Api.Contacts.ContactCsvColumns;

namespace Dnd.Host.Api.Exports;

/// <summary>
/// The account's contacts with their DND state as CSV, in the layout the import reads back: read in keyset pages of
/// the (CreatedAt, Id) index and written to the response as they come, so no export is held in memory.
/// </summary>
public static class ContactExportEndpoints
{
    internal const int PageSize = 500;

    public static void MapContactExportEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/locations/contacts/export.csv", Export).WithTags("Exports").WithName("ExportContactsCsv")
            // The operator app links here: staff download with their sign-in cookie (a GET, so no antiforgery token).
            .AcceptOperatorSession()
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static PushStreamHttpResult Export(AccountContext account, DndDbContext db) =>
        TypedResults.Stream(stream => WriteAsync(stream, db, account.AccountId), "text/csv", $"contacts-{account.AccountId}.csv");

    private static async Task WriteAsync(Stream stream, DndDbContext db, string accountId)
    {
        await using var csv = CsvWriter.Create(stream, null, leaveOpen: true);
        csv.WriteHeader(C.Export.ToArray());
        (DateTimeOffset At, string Id)? after = null;
        while (true)
        {
            var page = await Page(db, accountId, after).ToListAsync();
            foreach (var contact in page)
            {
                Write(csv, contact);
                await csv.EndRecordAsync();
            }
            if (page.Count < PageSize)
            {
                return;
            }
            after = (page[^1].CreatedAt, page[^1].Id);
        }
    }

    private static IQueryable<ContactRecord> Page(DndDbContext db, string accountId, (DateTimeOffset At, string Id)? after)
    {
        var q = db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId);
        if (after is var (at, id))
        {
            q = q.Where(c => c.CreatedAt >= at && (c.CreatedAt > at || string.Compare(c.Id, id) > 0));
        }
        return q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(PageSize);
    }

    private static void Write(CsvWriter csv, ContactRecord c)
    {
        var consent = ContactConsentMapping.ToDomain(c);
        csv.WriteField(c.Id);
        csv.WriteField(c.FirstName);
        csv.WriteField(c.LastName);
        csv.WriteField(c.Phone);
        csv.WriteField(c.Email);
        csv.WriteField(c.CompanyName);
        csv.WriteField(c.Source);
        csv.WriteField(c.TimeZone);
        csv.WriteField(string.Join(C.TagSeparator + " ", c.Tags));
        csv.WriteField(c.CreatedAt.ToUniversalTime(), "O");
        csv.WriteField(c.UpdatedAt.ToUniversalTime(), "O");
        foreach (var channel in ChannelNames.All)
        {
            csv.WriteField(C.Cell(consent.Channels[channel].Status));
        }
        csv.WriteField(C.Cell(consent.Inbound.Active));
    }
}
