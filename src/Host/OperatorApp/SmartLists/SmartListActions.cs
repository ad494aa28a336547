using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.SmartLists;
using Dnd.Host.Auth;
using Dnd.Host.Errors;

namespace Dnd.Host.OperatorApp.SmartLists;

/// <summary>
/// What the Smart lists screens do, each action in a scope of its own as the signed-in person
/// (<see cref="OperatorSession.RunAsync{T}"/>), through <see cref="SmartListStore"/>, the code the /smart-lists
/// endpoints run: one validation, one count, one member query.
/// </summary>
public sealed class SmartListActions(OperatorSession session, TimeProvider clock)
{
    /// <summary>The account's lists by name, without counts (each count is a query: <see cref="CountAsync(string, CancellationToken)"/>).</summary>
    public Task<List<SmartListDto>> ListAsync(CancellationToken ct) =>
        session.RunAsync(sp => SmartListStore.ListAsync(Db(sp), Settings(sp), Account(sp), withCounts: false, ct));

    public Task<SmartListDto?> GetAsync(string listId, CancellationToken ct) =>
        session.RunAsync(sp => SmartListStore.GetAsync(Db(sp), Account(sp), listId, ct));

    /// <summary>A saved list's count, as GET /smart-lists/?withCounts=true counts it.</summary>
    public Task<int?> CountAsync(string listId, CancellationToken ct) =>
        session.RunAsync(sp => SmartListStore.CountAsync(Db(sp), Settings(sp), Account(sp), listId, ct));

    /// <summary>The count of a tree being built, checked as a save checks it.</summary>
    /// <exception cref="ApiValidationException">The tree is invalid; the messages name their paths.</exception>
    public Task<int> CountAsync(SmartListFilterGroup filters, CancellationToken ct) =>
        session.RunAsync(sp => SmartListStore.CountAsync(Db(sp), Settings(sp), Account(sp), filters, ct));

    /// <summary>Creates the list (no <paramref name="listId"/>) or replaces its name and filters, as POST and PUT /smart-lists do.</summary>
    /// <returns>The saved list; null when the list to edit no longer exists.</returns>
    /// <exception cref="ApiValidationException">The name or the tree is invalid; nothing saved.</exception>
    public Task<SmartListDto?> SaveAsync(string? listId, string? name, SmartListFilterGroup filters) =>
        session.RunAsync(async sp =>
        {
            var body = new SmartListRequest(name, Filters: filters);
            return listId is null
                ? await SmartListStore.CreateAsync(Db(sp), Settings(sp), Account(sp), body, clock.GetUtcNow(), CancellationToken.None)
                : await SmartListStore.UpdateAsync(Db(sp), Settings(sp), Account(sp), listId, body, clock.GetUtcNow(), CancellationToken.None);
        });

    /// <returns>False when it was already gone.</returns>
    public Task<bool> DeleteAsync(string listId) =>
        session.RunAsync(sp => SmartListStore.DeleteAsync(Db(sp), sp.GetRequiredService<AccountWrites>(), Account(sp), listId, CancellationToken.None));

    /// <summary>
    /// <paramref name="limit"/> members after <paramref name="after"/> (a contact's searchAfter), or from the start; the
    /// total only when <paramref name="countTotal"/> (it reads every member).
    /// </summary>
    /// <returns>Null when the list no longer exists.</returns>
    public Task<(SmartListDto List, List<ContactDto> Contacts, int? Total)?> MembersAsync(string listId, IReadOnlyList<string>? after, int limit,
        bool countTotal, CancellationToken ct) =>
        session.RunAsync(sp =>
        {
            var errors = new FieldErrors();
            var cursor = SearchCursor.Read(after?.Select(p => System.Text.Json.JsonSerializer.SerializeToElement(p)).ToList(), wasNull: false, errors);
            errors.ThrowIfAny("The page is out of range.");
            return SmartListStore.MembersAsync(Db(sp), Settings(sp), Account(sp), listId, cursor, offset: 0, limit, countTotal, ct);
        });

    private static DndDbContext Db(IServiceProvider sp) => sp.GetRequiredService<DndDbContext>();

    private static AccountSettingsStore Settings(IServiceProvider sp) => sp.GetRequiredService<AccountSettingsStore>();

    private static string Account(IServiceProvider sp) => sp.GetRequiredService<AccountContext>().AccountId;
}
