using System.Net.Mail;
using Dnd.Host.Errors;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;

namespace Dnd.Host.Api.Contacts;

/// <summary>Validates and copies the plain (non-DND) fields of a write request onto a contact row.</summary>
public static class ContactFields
{
    /// <param name="region">The account's default phone region.</param>
    public static void Validate(ContactWriteRequest r, string region)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(r.Email) && !MailAddress.TryCreate(r.Email.Trim(), out _))
        {
            errors.Add($"email '{r.Email}' is not an email address");
        }
        if (!string.IsNullOrWhiteSpace(r.Phone) && Addresses.Phone(r.Phone, region) is null)
        {
            errors.Add($"phone '{r.Phone}' is not a phone number (read in region {region})");
        }
        if (r.Tags?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add("tags cannot be empty");
        }
        if (errors.Count > 0)
        {
            throw new ApiValidationException("The contact has invalid fields.", errors);
        }
    }

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
        if (r.Tags is not null)
        {
            row.Tags = r.Tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
