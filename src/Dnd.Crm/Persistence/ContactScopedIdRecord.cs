namespace Dnd.Crm.Persistence;

/// <summary>
/// A contact's page-scoped id on Meta's messaging (a Messenger PSID, an Instagram IGSID): Meta names a person only by
/// these, so they are how that person's messages find their contact and how ours reach them. One contact may have one
/// of each; an id belongs to one contact of the account.
/// </summary>
public sealed class ContactScopedIdRecord
{
    public required string AccountId { get; set; }

    /// <summary><see cref="Contacts.ScopedIdPlatforms"/>: messenger or instagram (each page-scoped, so the same person has two ids).</summary>
    public required string Platform { get; set; }

    public required string ScopedId { get; set; }
    public required string ContactId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
