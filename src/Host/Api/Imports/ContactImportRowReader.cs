using System.Globalization;
using CsvHelper;
using Dnd.Crm.Consent;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using C = Dnd.Host.Api.Contacts.ContactCsvColumns;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// Reads an import row into the contact write it asks for and checks it with the API's own rules (ContactFields for
/// the fields, ContactDndApplier for the proof of consent), each problem named by its column. An empty cell leaves
/// the contact's value as it is.
/// </summary>
public sealed class ContactImportRowReader(ContactImportHeader header, string region, ContactDndApplier dnd)
{
    public ContactImportRow Read(CsvReader csv, int row, long offset)
    {
        var errors = new List<RowIssue>();
        var settings = new Dictionary<string, DndSettingRequest>();
        foreach (var (channel, column) in header.DndColumns)
        {
            if (Cell(csv, column) is not { } text)
            {
                continue;
            }
            if (C.ParseCell(text) is { } status)
            {
                settings[channel.ToWire()] = new DndSettingRequest(status.ToWire());
            }
            else
            {
                errors.Add(new(column, $"{column} is \"{text}\": use {C.Listed}, or leave it empty to keep the contact's"));
            }
        }
        var request = new ContactWriteRequest
        {
            FirstName = Cell(csv, C.FirstName), LastName = Cell(csv, C.LastName), Email = Cell(csv, C.Email), Phone = Cell(csv, C.Phone),
            CompanyName = Cell(csv, C.BusinessName), Source = Cell(csv, C.Source), Timezone = Cell(csv, C.Timezone),
        };
        if (Cell(csv, C.InboundDnd) is { } inbound)
        {
            if (C.ParseCell(inbound) is { } status and not DndStatus.Permanent)
            {
                request = request with { InboundDndSettings = new InboundDndSettingsRequest { All = new InboundDndSettingRequest(status.ToWire()) } };
            }
            else
            {
                errors.Add(new(C.InboundDnd, $"{C.InboundDnd} is \"{inbound}\": use on or off, or leave it empty to keep the contact's"));
            }
        }
        var proofChecked = AttachProof(csv, settings, errors);
        if (settings.Count > 0)
        {
            request = request with { DndSettings = settings };
        }
        var tags = Cell(csv, C.Tags)?.Split(C.TagSeparator).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

        var fields = new FieldErrors();
        ContactFields.Validate(request, region, fields);
        if (tags is not null)
        {
            ContactFields.ValidateTags(tags, fields);
        }
        if (proofChecked is not null)
        {
            dnd.Validate(new ContactWriteRequest { DndSettings = proofChecked }, fields);
        }
        errors.AddRange(fields.Items.Select(e => new RowIssue(ColumnOf(e.Field), e.Message)).Distinct());

        var (email, phone) = (Addresses.Email(request.Email), Addresses.Phone(request.Phone, region));
        if (email is null && phone is null && request.Email is null && request.Phone is null)
        {
            errors.Add(new(null, $"The row has neither {C.Email} nor {C.Phone}: there is nothing to match a contact on"));
        }
        return new ContactImportRow(row, offset, request, tags, errors) { Email = email, Phone = phone };
    }

    /// <summary>
    /// Puts the row's proof of consent on each channel the row turns off (it records the consent that lifts a
    /// permanent DND). Returns one such channel alone, for checking the proof once with the proof API's rules.
    /// </summary>
    private Dictionary<string, DndSettingRequest>? AttachProof(CsvReader csv, Dictionary<string, DndSettingRequest> settings, List<RowIssue> errors)
    {
        var (method, givenText, evidence) = (Cell(csv, C.ConsentMethod), Cell(csv, C.ConsentGivenAt), Cell(csv, C.ConsentEvidence));
        if (method is null && givenText is null && evidence is null)
        {
            return null;
        }
        var lifts = settings.Where(s => DndStatusNames.Parse(s.Value.Status) == DndStatus.Inactive).Select(s => s.Key).ToList();
        if (lifts.Count == 0)
        {
            errors.Add(new(C.ConsentMethod, "A proof of consent goes with a DND column set to off: it records the consent that lifts a permanent DND"));
            return null;
        }
        DateTimeOffset? given = null;
        if (givenText is not null)
        {
            if (DateTimeOffset.TryParse(givenText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                given = at;
            }
            else
            {
                errors.Add(new(C.ConsentGivenAt, $"{C.ConsentGivenAt} \"{givenText}\" is not a date and time (e.g. 2026-11-20T09:00:00Z)"));
                return null;
            }
        }
        var proof = new ConsentProofRequest(method, given, evidence);
        foreach (var channel in lifts)
        {
            settings[channel] = settings[channel] with { ConsentProof = proof };
        }
        return new() { [lifts[0]] = settings[lifts[0]] };
    }

    private string? Cell(CsvReader csv, string column)
    {
        var i = header.IndexOf(column);
        if (i < 0 || i >= csv.FieldCount)
        {
            return null;
        }
        var value = csv.GetString(i).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The column a request field's problem is in.</summary>
    private static string? ColumnOf(string field) => field switch
    {
        "firstName" => C.FirstName,
        "lastName" => C.LastName,
        "email" => C.Email,
        "phone" => C.Phone,
        "companyName" => C.BusinessName,
        "source" => C.Source,
        "timezone" => C.Timezone,
        _ when field.StartsWith("tags", StringComparison.Ordinal) => C.Tags,
        _ when field.EndsWith(".consentProof.givenAt", StringComparison.Ordinal) => C.ConsentGivenAt,
        _ when field.EndsWith(".consentProof.evidence", StringComparison.Ordinal) => C.ConsentEvidence,
        _ when field.Contains(".consentProof", StringComparison.Ordinal) => C.ConsentMethod,
        _ => null,
    };
}
