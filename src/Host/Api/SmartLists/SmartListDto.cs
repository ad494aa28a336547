using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.SmartLists;

/// <summary>A saved contact search that leaves out contacts who cannot be reached.</summary>
/// <param name="ExcludeDndChannel">Channel whose DND excludes a contact (e.g. "SMS"); null for none.</param>
/// <param name="ExcludeAnyDnd">Contacts with DND on any channel are left out.</param>
public sealed record SmartListDto(string Id, string AccountId, string Name, string? ExcludeDndChannel, bool ExcludeAnyDnd, string? Tag, string? Query,
    DateTimeOffset CreatedAt)
{
    public static SmartListDto From(SmartListRecord s) => new(s.Id, s.AccountId, s.Name, s.ExcludeDndChannel, s.ExcludeAnyDnd, s.Tag, s.Query, s.CreatedAt);
}
