using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.SmartLists;

/// <summary>
/// Smart lists for whoever asks: the /smart-lists endpoints and the operator app's Smart lists screens, so a list is
/// validated, saved, counted and paged by one piece of code whichever way it is reached.
/// </summary>
public static class SmartListStore
{
    /// <summary>The account's lists by name; with counts, each list's members counted (a query each, so only when asked).</summary>
    public static async Task<List<SmartListDto>> ListAsync(DndDbContext db, AccountSettingsStore settings, string accountId, bool withCounts,
        CancellationToken ct)
    {
        var lists = await db.SmartLists.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var scope = withCounts ? await ScopeAsync(db, settings, accountId, ct) : null;
        var dtos = new List<SmartListDto>(lists.Count);
        foreach (var list in lists)
        {
            dtos.Add(SmartListDto.From(list, scope is null ? null : await Members(list, scope).CountAsync(ct)));
        }
        return dtos;
    }

    /// <returns>Null when the account has no such list.</returns>
    public static async Task<SmartListDto?> GetAsync(DndDbContext db, string accountId, string listId, CancellationToken ct) =>
        await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == accountId, ct) is { } list
            ? SmartListDto.From(list)
            : null;

    /// <summary>How many of the account's contacts a list has now (the API's withCounts count).</summary>
    /// <returns>Null when the account has no such list.</returns>
    public static async Task<int?> CountAsync(DndDbContext db, AccountSettingsStore settings, string accountId, string listId, CancellationToken ct) =>
        await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == accountId, ct) is { } list
            ? await Members(list, await ScopeAsync(db, settings, accountId, ct)).CountAsync(ct)
            : null;

    /// <summary>How many contacts a filter tree not saved yet selects: checked as a save checks it, counted as a saved list is.</summary>
    /// <exception cref="ApiValidationException">422 naming every part of the tree that is wrong (paths under "filters").</exception>
    public static async Task<int> CountAsync(DndDbContext db, AccountSettingsStore settings, string accountId, SmartListFilterGroup? filters,
        CancellationToken ct)
    {
        var scope = await ScopeAsync(db, settings, accountId, ct);
        var errors = new FieldErrors();
        var compiled = SmartListFilters.Compile(filters, "filters", scope, errors);
        errors.ThrowIfAny("The smart list is invalid.");
        return await Members(compiled!, scope).CountAsync(ct);
    }

    /// <exception cref="ApiValidationException">422 naming every field, condition, operator and value that is wrong; nothing saved.</exception>
    public static async Task<SmartListDto> CreateAsync(DndDbContext db, AccountSettingsStore settings, string accountId, SmartListRequest body,
        DateTimeOffset now, CancellationToken ct)
    {
        var list = new SmartListRecord { Id = Guid.NewGuid().ToString("N")[..16], AccountId = accountId, Name = "", CreatedAt = now };
        Apply(body, list, await ScopeAsync(db, settings, accountId, ct));
        db.SmartLists.Add(list);
        await db.SaveChangesAsync(ct);
        return SmartListDto.From(list);
    }

    /// <summary>Replaces the list's name and filters (send both); its id and members' paging stay.</summary>
    /// <returns>Null when the account has no such list.</returns>
    /// <exception cref="ApiValidationException">422 naming every field, condition, operator and value that is wrong; nothing changed.</exception>
    public static async Task<SmartListDto?> UpdateAsync(DndDbContext db, AccountSettingsStore settings, string accountId, string listId,
        SmartListRequest body, DateTimeOffset now, CancellationToken ct)
    {
        var list = await db.SmartLists.SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == accountId, ct);
        if (list is null)
        {
            return null;
        }
        Apply(body, list, await ScopeAsync(db, settings, accountId, ct));
        list.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return SmartListDto.From(list);
    }

    /// <returns>False when the account has no such list.</returns>
    /// <remarks>In an account write: a bulk delete bypasses SaveChanges, so it would otherwise not take the SQLite writer's turn.</remarks>
    public static async Task<bool> DeleteAsync(DndDbContext db, AccountWrites writes, string accountId, string listId, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var deleted = await db.SmartLists.Where(s => s.Id == listId && s.AccountId == accountId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return false;
        }
        await write.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// One page of the list's members in the contact search's order (dateAdded, then id), after <paramref name="after"/>
    /// or from <paramref name="offset"/>, and (when <paramref name="countTotal"/>) the count of every member.
    /// </summary>
    /// <returns>Null when the account has no such list.</returns>
    public static async Task<(SmartListDto List, List<ContactDto> Contacts, int? Total)?> MembersAsync(DndDbContext db, AccountSettingsStore settings,
        string accountId, string listId, SearchCursor? after, int offset, int limit, bool countTotal, CancellationToken ct)
    {
        var list = await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == accountId, ct);
        if (list is null)
        {
            return null;
        }
        var members = Members(list, await ScopeAsync(db, settings, accountId, ct));
        // The total counts every member, not what is left after the cursor, as the contact search's does.
        int? total = countTotal ? await members.CountAsync(ct) : null;
        var rows = await ContactQuery.Page(members, after, offset, limit).ToListAsync(ct);
        return (SmartListDto.From(list), rows.Select(r => ContactMapper.ToDto(r) with { SearchAfter = SearchCursor.Of(r).ToWire() }).ToList(), total);
    }

    /// <summary>The ids of every member now, in page order: what a bulk job freezes as its selection when it starts.</summary>
    /// <returns>Null when the account has no such list.</returns>
    public static async Task<List<string>?> MemberIdsAsync(DndDbContext db, AccountSettingsStore settings, string accountId, string listId,
        CancellationToken ct)
    {
        var list = await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == accountId, ct);
        return list is null
            ? null
            : await Members(list, await ScopeAsync(db, settings, accountId, ct)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>Checks the body whole and only then writes it on the list, so an invalid one changes nothing.</summary>
    /// <exception cref="ApiValidationException">422 naming every field, condition, operator and value that is wrong.</exception>
    private static void Apply(SmartListRequest body, SmartListRecord list, SmartListScope scope)
    {
        var errors = new FieldErrors()
            .Required("name", body.Name).MaxLength("name", body.Name, ApiLimits.NameLength)
            .MaxLength("tag", body.Tag, ApiLimits.TagLength)
            .MaxLength("query", body.Query, ApiLimits.TextLength);
        if (body.ExcludeDndChannel is not null && !ChannelNames.TryParse(body.ExcludeDndChannel, out _))
        {
            errors.Add("excludeDndChannel", $"excludeDndChannel must be one of {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
        }
        var oldShape = body.ExcludeDndChannel is not null || body.ExcludeAnyDnd || body.Tag is not null || body.Query is not null;
        if (oldShape && body.Filters is not null)
        {
            errors.Add("filters", "filters cannot be combined with excludeDndChannel, excludeAnyDnd, tag or query; put them in filters as conditions");
        }
        var compiled = SmartListFilters.Compile(
            oldShape && !errors.Any ? SmartListFilters.FromOldShape(body.ExcludeDndChannel, body.ExcludeAnyDnd, body.Tag, body.Query) : body.Filters,
            "filters", scope, errors);
        errors.ThrowIfAny("The smart list is invalid.");
        list.Name = body.Name!.Trim();
        list.FiltersJson = SmartListFilters.Serialize(compiled!.Filters);
        list.ExcludeDndChannel = body.ExcludeDndChannel is null ? null : ChannelNames.Parse(body.ExcludeDndChannel).ToWire();
        list.ExcludeAnyDnd = body.ExcludeAnyDnd;
        list.Tag = body.Tag;
        list.Query = body.Query;
    }

    /// <summary>The account's contacts the list's filters select, as one query (nothing read yet).</summary>
    private static IQueryable<ContactRecord> Members(SmartListRecord list, SmartListScope scope)
    {
        var errors = new FieldErrors();
        var compiled = SmartListFilters.Compile(SmartListFilters.Of(list), "filters", scope, errors);
        // Validated when saved: only a change of the rules since could refuse a stored list, and then it says why.
        errors.ThrowIfAny($"Smart list {list.Id} has filters this server no longer reads; edit them.");
        return Members(compiled!, scope);
    }

    private static IQueryable<ContactRecord> Members(SmartListFilters.Compiled compiled, SmartListScope scope) =>
        scope.Db.Set<ContactRecord>().AsNoTracking().Where(c => c.AccountId == scope.AccountId).Where(compiled.Predicate);

    private static async Task<SmartListScope> ScopeAsync(DndDbContext db, AccountSettingsStore settings, string accountId, CancellationToken ct) =>
        new(db, accountId, (await settings.ProfileAsync(accountId, ct)).DefaultRegion);
}
