using Dnd.Rules.Consent;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;

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
            ContactName = string.Join(' ', new[] { row.FirstName, row.LastName }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Email = row.Email,
            EmailLowerCase = row.Email?.ToLowerInvariant(),
            Phone = row.Phone,
            CompanyName = row.CompanyName,
            Source = row.Source,
            Tags = row.Tags,
            DateAdded = row.CreatedAt,
            DateUpdated = row.UpdatedAt,
            Dnd = consent.Aggregate == DndAggregate.On,
            DndAggregate = consent.Aggregate.ToString().ToLowerInvariant(),
            DndSettings = consent.Channels.ToDictionary(
                c => c.Key.ToWire(),
                c => new DndSettingDto(c.Value.Status.ToString().ToLowerInvariant(), c.Value.Message, c.Value.Code)),
            InboundDndSettings = new InboundDndSettingsDto(
                new InboundDndSettingDto(consent.Inbound.Active ? "active" : "inactive", consent.Inbound.Message)),
        };
    }
}
