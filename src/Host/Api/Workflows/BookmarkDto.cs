using Dnd.Workflows.Persistence;

namespace Dnd.Host.Api.Workflows;

/// <summary>Where a suspended instance waits: a timer (dueAt) or a reply on a channel.</summary>
public sealed record BookmarkDto(string Id, string InstanceId, string AccountId, string ContactId, string ActivityId, string Kind, string? Channel,
    DateTimeOffset? DueAt, DateTimeOffset CreatedAt)
{
    public static BookmarkDto From(BookmarkRecord b) =>
        new(b.Id, b.InstanceId, b.AccountId, b.ContactId, b.ActivityId, b.Kind, b.Channel, b.DueAt, b.CreatedAt);
}
