namespace Dnd.Host.Api.Erasure;

/// <summary>A page-scoped id Meta names the contact by (Messenger PSID, Instagram IGSID).</summary>
public sealed record ScopedIdDto(string Platform, string ScopedId, DateTimeOffset CreatedAt);
