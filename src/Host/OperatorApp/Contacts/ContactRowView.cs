using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.Contacts;

/// <summary>How a contact's row reads in a table of contacts (the Contacts screen, a smart list's members).</summary>
public static class ContactRowView
{
    public static string DisplayName(ContactDto contact) => DisplayName(contact.ContactName, contact.Email, contact.Phone);

    /// <summary>The name, else how to reach the contact; a contact with neither is "Unnamed contact".</summary>
    public static string DisplayName(string? fullName, string? email, string? phone) =>
        fullName is { Length: > 0 } name ? name : email ?? phone ?? "Unnamed contact";

    public static DndAggregate Aggregate(ContactDto contact) => Enum.Parse<DndAggregate>(contact.DndAggregate, ignoreCase: true);

    /// <summary>The channels whose DND blocks (active or permanent), by their HighLevel names, for the badge's tooltip.</summary>
    public static List<string> Blocked(ContactDto contact) =>
        contact.DndSettings.Where(s => s.Value.Status != "inactive").Select(s => s.Key).ToList();
}
