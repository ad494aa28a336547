using System.Net.Mail;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Contacts;

/// <summary>Validates and copies the plain (non-DND) fields of a write request onto a contact row.</summary>
public static class ContactFields
{
    /// <param name="region">The account's default phone region.</param>
    public static void Validate(ContactWriteRequest r, string region, FieldErrors errors)
    {
        foreach (var name in r.NullFields)
        {
            errors.Add(name, $"{name} cannot be null; leave it out to keep the contact's");
        }
        errors.MaxLength("firstName", r.FirstName, ApiLimits.NameLength)
            .MaxLength("lastName", r.LastName, ApiLimits.NameLength)
            .MaxLength("name", r.Name, ApiLimits.NameLength)
            .MaxLength("companyName", r.CompanyName, ApiLimits.NameLength)
            .MaxLength("source", r.Source, ApiLimits.TextLength)
            .MaxLength("locationId", r.LocationId, ApiLimits.TextLength);
        if (r.Email is { Length: > ApiLimits.EmailLength })
        {
            errors.MaxLength("email", r.Email, ApiLimits.EmailLength);
        }
        else if (!string.IsNullOrWhiteSpace(r.Email) && !MailAddress.TryCreate(r.Email.Trim(), out _))
        {
            errors.Add("email", $"email '{r.Email}' is not an email address");
        }
        if (r.Phone is { Length: > ApiLimits.PhoneLength })
        {
            errors.MaxLength("phone", r.Phone, ApiLimits.PhoneLength);
        }
        else if (!string.IsNullOrWhiteSpace(r.Phone) && Addresses.Phone(r.Phone, region) is null)
        {
            errors.Add("phone", $"phone '{r.Phone}' is not a phone number (read in region {region})");
        }
        if (r.Timezone is { } zone && zone.Trim().Length > 0
            && (zone.Length > ApiLimits.NameLength || !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out _)))
        {
            errors.Add("timezone", $"timezone '{zone}' is not an IANA time zone id (e.g. America/New_York)");
        }
        if (r.Tags is not null)
        {
            ValidateTags(r.Tags, errors);
        }
        if (r.CustomFields is not null)
        {
            CustomFields.Validate(r.CustomFields, errors);
        }
    }

    /// <summary>Tags as HighLevel's TagsDTO gives them: strings, none empty, each and the list bounded.</summary>
    public static void ValidateTags(IReadOnlyList<string?> tags, FieldErrors errors)
    {
        errors.NoNulls("tags", tags);
        if (tags.Any(t => t is not null && string.IsNullOrWhiteSpace(t)))
        {
            errors.Add("tags", "tags cannot contain an empty tag");
        }
        for (var i = 0; i < tags.Count; i++)
        {
            errors.MaxLength($"tags[{i}]", tags[i]?.Trim(), ApiLimits.TagLength);
        }
        errors.MaxCount("tags", Distinct(tags.OfType<string>()), ApiLimits.TagsPerContact);
    }

    /// <summary>Trimmed, without case-insensitive repeats, in the order given.</summary>
    public static List<string> Distinct(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static void Apply(ContactWriteRequest r, ContactRecord row, string region)
    {
        if (r.Name is not null && r.FirstName is null && r.LastName is null)
        {
            var parts = r.Name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            row.FirstName = parts.ElementAtOrDefault(0);
            row.LastName = parts.ElementAtOrDefault(1);
        }
        row.FirstName = r.FirstName ?? row.FirstName;
        row.LastName = r.LastName ?? row.LastName;
        row.Email = r.Email is null ? row.Email : Addresses.Email(r.Email);
        row.Phone = r.Phone is null ? row.Phone : Addresses.Phone(r.Phone, region);
        row.CompanyName = r.CompanyName ?? row.CompanyName;
        row.Source = r.Source ?? row.Source;
        row.TimeZone = r.Timezone is null ? row.TimeZone : r.Timezone.Trim() is { Length: > 0 } zone ? zone : null;
        if (r.Tags is not null)
        {
            row.Tags = Distinct(r.Tags.OfType<string>());
        }
        if (r.CustomFields is not null)
        {
            row.CustomFieldsJson = CustomFields.Merge(row.CustomFieldsJson, r.CustomFields.OfType<CustomFieldInput>());
        }
    }
}
