namespace Dnd.Host.Api.BulkDnd;

/// <summary>Body of POST /locations/contacts/bulk/dnd: whom (contactIds or smartListId), which channels (channels or all), and what.</summary>
/// <param name="ContactIds">The contacts, at most <see cref="BulkDndRequest.MaxContacts"/>; or give smartListId.</param>
/// <param name="SmartListId">A smart list whose members, as they are when the job starts, are changed.</param>
/// <param name="Channels">Channel names as the contact API spells them ("SMS", "Email", ...); or all: true.</param>
/// <param name="Action">"set" or "clear".</param>
/// <param name="Status">With set: "active" (the default; a user may lift it) or "permanent" (the contact's own opt-out).</param>
/// <param name="Message">Kept on each ledger line; the reason a clear of a contact's own unsubscribe needs.</param>
public sealed record BulkDndRequest(List<string?>? ContactIds, string? SmartListId, List<string?>? Channels, bool? All, string? Action, string? Status,
    string? Message)
{
    public const int MaxContacts = 5000;
}
