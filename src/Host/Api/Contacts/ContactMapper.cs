using System.Globalization;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Contacts;

public static class ContactMapper
{
    public static ContactDto ToDto(ContactRecord row)
    {
        var consent = ContactConsentMapping.ToDomain(row);
        return new ContactDto
        {
            Id = row.Id,
            LocationId = row.AccountId,
            FirstName = row.FirstName,
            LastName = row.LastName,
            ContactName = row.FullName,
            Email = row.Email,
            EmailLowerCase = row.Email?.ToLowerInvariant(),
            Phone = row.Phone,
            CompanyName = row.CompanyName,
            Source = row.Source,
            Timezone = row.TimeZone,
            Tags = row.Tags,
            CustomFields = CustomFields.Read(row.CustomFieldsJson),
            DateAdded = Date(row.CreatedAt),
            DateUpdated = Date(row.UpdatedAt),
            Dnd = consent.Aggregate == DndAggregate.On,
            DndAggregate = consent.Aggregate.ToString().ToLowerInvariant(),
            // Every channel, under HighLevel's spelling of its name (ChannelNames), so the list is written once.
            DndSettings = consent.Channels.ToDictionary(c => c.Key.ToWire(), c => Setting(c.Value)),
            InboundDndSettings = new InboundDndSettingsDto(
                new InboundDndSettingDto(consent.Inbound.Active ? "active" : "inactive", consent.Inbound.Message ?? "")),
        };
    }

    /// <summary>HighLevel sends "" where a DND has no message or code; its clients read them as strings.</summary>
    private static DndSettingDto Setting(ChannelDnd dnd) => new(dnd.Status.ToWire(), dnd.Message ?? "", dnd.Code ?? "");

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
