using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.SmartLists;

/// <summary>Saved searches that leave out contacts DND makes unreachable, evaluated in SQL each time they are read.</summary>
public static class SmartListEndpoints
{
    public static void MapSmartListEndpoints(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/smart-lists").WithTags("Smart lists");
        lists.MapPost("/", CreateAsync);
        lists.MapGet("/", async (AccountContext account, DndDbContext db, CancellationToken ct) =>
            Results.Ok(new { smartLists = await db.SmartLists.AsNoTracking().Where(s => s.AccountId == account.AccountId).OrderBy(s => s.Name).ToListAsync(ct) }));
        lists.MapGet("/{listId}/contacts", ContactsAsync);
        lists.MapDelete("/{listId}", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync(SmartListRequest body, AccountContext account, DndDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors.Add("name is required");
        }
        if (body.ExcludeDndChannel is not null && !ChannelNames.TryParse(body.ExcludeDndChannel, out _))
        {
            errors.Add($"excludeDndChannel '{body.ExcludeDndChannel}' is not a channel");
        }
        if (errors.Count > 0)
        {
            throw new ApiValidationException("The smart list is invalid.", errors);
        }
        var list = new SmartListRecord
        {
            Id = Guid.NewGuid().ToString("N")[..16],
            AccountId = account.AccountId,
            Name = body.Name.Trim(),
            ExcludeDndChannel = body.ExcludeDndChannel is null ? null : ChannelNames.Parse(body.ExcludeDndChannel).ToWire(),
            ExcludeAnyDnd = body.ExcludeAnyDnd,
            Tag = body.Tag,
            Query = body.Query,
            CreatedAt = clock.GetUtcNow(),
        };
        db.SmartLists.Add(list);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/smart-lists/{list.Id}", new { smartList = list });
    }

    private static async Task<IResult> ContactsAsync(string listId, AccountContext account, DndDbContext db, CancellationToken ct, int page = 1, int pageLimit = 100)
    {
        var list = await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == account.AccountId, ct);
        if (list is null)
        {
            return Results.Problem(statusCode: 404, title: "Smart list not found", detail: $"Smart list {listId} does not exist.");
        }
        Paging.Validate(page, pageLimit);
        var query = db.Contacts.AsNoTracking().Where(c => c.AccountId == account.AccountId);
        if (list.ExcludeDndChannel is not null)
        {
            query = query.Where(ContactQuery.Reachable(ChannelNames.Parse(list.ExcludeDndChannel)));
        }
        if (list.ExcludeAnyDnd)
        {
            query = query.Where(ContactQuery.NoDndAnywhere());
        }
        if (!string.IsNullOrWhiteSpace(list.Tag))
        {
            query = query.Where(ContactQuery.HasTag(list.Tag));
        }
        query = ContactQuery.FreeText(query, list.Query);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip((page - 1) * pageLimit).Take(pageLimit).ToListAsync(ct);
        return Results.Ok(new { smartList = list, contacts = rows.Select(ContactMapper.ToDto), total });
    }

    private static async Task<IResult> DeleteAsync(string listId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var deleted = await db.SmartLists.Where(s => s.Id == listId && s.AccountId == account.AccountId).ExecuteDeleteAsync(ct);
        return deleted == 0
            ? Results.Problem(statusCode: 404, title: "Smart list not found", detail: $"Smart list {listId} does not exist.")
            : Results.Ok(new { succeded = true });
    }
}
