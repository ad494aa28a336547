using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// The contact CSV's columns, for the export and the import alike. Named as HighLevel's contact export names them
/// where it has the field; the DND, inbound DND and consent proof columns are this product's.
/// </summary>
public static class ContactCsvColumns
{
    public const string ContactId = "Contact Id";
    public const string FirstName = "First Name";
    public const string LastName = "Last Name";
    public const string Phone = "Phone";
    public const string Email = "Email";
    public const string BusinessName = "Business Name";
    public const string Source = "Source";
    public const string Timezone = "Timezone";
    public const string Tags = "Tags";
    public const string Created = "Created";
    public const string Updated = "Last Updated";
    public const string InboundDnd = "Inbound DND";
    public const string ConsentMethod = "Consent Method";
    public const string ConsentGivenAt = "Consent Given At";
    public const string ConsentEvidence = "Consent Evidence";

    private const string DndPrefix = "DND ";

    /// <summary>A channel's column: "DND SMS", "DND Email", ... in HighLevel's spelling of the channel.</summary>
    public static string Dnd(Channel channel) => DndPrefix + channel.ToWire();

    /// <summary>Whether the header names a DND column at all, so a misspelt channel is refused instead of ignored.</summary>
    public static bool IsDndColumn(string header) => header.Trim().StartsWith(DndPrefix, StringComparison.OrdinalIgnoreCase);

    public static bool TryParseDndColumn(string header, out Channel channel) =>
        ChannelNames.TryParse(IsDndColumn(header) ? header.Trim()[DndPrefix.Length..] : null, out channel);

    /// <summary>The export's columns, in order.</summary>
    public static IReadOnlyList<string> Export { get; } =
    [
        ContactId, FirstName, LastName, Phone, Email, BusinessName, Source, Timezone, Tags, Created, Updated,
        .. ChannelNames.All.Select(Dnd), InboundDnd,
    ];

    /// <summary>HighLevel's list separator for tags in one cell ("VIP, Lead").</summary>
    public const char TagSeparator = ',';

    public const string Listed = "on, off or permanent";

    /// <summary>A DND cell: on (a user's DND), off, or permanent (the contact's own opt-out).</summary>
    public static string Cell(DndStatus status) => status switch
    {
        DndStatus.Active => "on",
        DndStatus.Permanent => "permanent",
        _ => "off",
    };

    /// <summary>Reads a DND cell: on/off/permanent, or HighLevel's active/inactive; null when it is none of them.</summary>
    public static DndStatus? ParseCell(string text) => text.Trim().ToLowerInvariant() switch
    {
        "on" => DndStatus.Active,
        "off" => DndStatus.Inactive,
        _ => DndStatusNames.Parse(text.Trim()),
    };

    public static string Cell(bool on) => on ? "on" : "off";
}
