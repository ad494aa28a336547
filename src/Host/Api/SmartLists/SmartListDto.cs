using System.Text.Json.Serialization;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.SmartLists;

/// <summary>A saved contact search by name: its filter tree, evaluated in SQL each time the list is read.</summary>
/// <param name="Filters">What a contact must satisfy to be in the list (lists saved with the old fields show them as a tree).</param>
/// <param name="ExcludeDndChannel">Old shape, as given when the list was saved with it; null otherwise.</param>
/// <param name="ExcludeAnyDnd">Old shape, as given when the list was saved with it.</param>
/// <param name="Tag">Old shape, as given when the list was saved with it.</param>
/// <param name="Query">Old shape, as given when the list was saved with it.</param>
/// <param name="UpdatedAt">When its name or filters were last edited; null when never.</param>
/// <param name="Count">How many contacts match now: with GET /smart-lists/?withCounts=true only.</param>
public sealed record SmartListDto(string Id, string AccountId, string Name, SmartListFilterGroup Filters, string? ExcludeDndChannel, bool ExcludeAnyDnd,
    string? Tag, string? Query, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count = null)
{
    public static SmartListDto From(SmartListRecord s, int? count = null) =>
        new(s.Id, s.AccountId, s.Name, SmartListFilters.Of(s), s.ExcludeDndChannel, s.ExcludeAnyDnd, s.Tag, s.Query, s.CreatedAt, s.UpdatedAt, count);
}
