using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.Contacts;

/// <summary>How a contact's row reads in a table of contacts (the Contacts screen, a smart list's members).</summary>
public static class ContactRowView
{
    public static string DisplayName(ContactDto contact) =>
        contact.ContactName is { Length: > 0 } name ? name : contact.Email ?? contact.Phone ?? "Unnamed contact";

    public static DndAggregate Aggregate(ContactDto contact) => Enum.Parse<DndAggregate>(contact.DndAggregate, ignoreCase: true);

    /// <summary>The channels whose DND blocks (active or permanent), by their HighLevel names, for the badge's tooltip.</summary>
    public static List<string> Blocked(ContactDto contact) =>
        contact.DndSettings.Where(s => s.Value.Status != "inactive").Select(s => s.Key).ToList();
}
