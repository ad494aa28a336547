using System.Globalization;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.ContactScreen;

/// <summary>
/// The "Proof of consent" dialog's fields and their checks: how the contact consented, the day they did, the evidence.
/// All required, as the API requires them (<see cref="ContactDndApplier"/> checks them again).
/// </summary>
public sealed class ConsentProofForm
{
    public const string MethodField = "method";
    public const string GivenOnField = "givenOn";
    public const string EvidenceField = "evidence";

    public ConsentMethod? Method { get; set; }

    /// <summary>The day, as a date input gives it: yyyy-MM-dd.</summary>
    public string? GivenOn { get; set; }

    public string? Evidence { get; set; }

    /// <param name="today">Today in the account's time zone: consent is not given in the future.</param>
    /// <returns>A message per field at fault; empty when the proof is complete.</returns>
    public Dictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (Method is null)
        {
            errors[MethodField] = "Choose how the contact gave their consent.";
        }
        if (string.IsNullOrWhiteSpace(GivenOn))
        {
            errors[GivenOnField] = "Give the date the contact gave their consent.";
        }
        else if (Day is not { } day)
        {
            errors[GivenOnField] = "The date given is not a date.";
        }
        else if (day > today)
        {
            errors[GivenOnField] = "The date given is in the future: consent is recorded after it was given.";
        }
        if (string.IsNullOrWhiteSpace(Evidence))
        {
            errors[EvidenceField] = "Give the evidence: the consent's text, a URL, or a reference to the recording or letter.";
        }
        else if (Evidence.Trim().Length > ApiLimits.TextLength)
        {
            errors[EvidenceField] = $"The evidence is too long: at most {ApiLimits.TextLength} characters.";
        }
        return errors;
    }

    private DateOnly? Day => DateOnly.TryParseExact(GivenOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The proof as the API's dndSettings.&lt;Channel&gt;.consentProof says it, once <see cref="Validate"/> found nothing.</summary>
    /// <param name="zone">
    /// The account's time zone: the consent is dated at the start of the day there, so a day that is today for the
    /// account is never in the server's future.
    /// </param>
    public ConsentProofRequest ToRequest(TimeZoneInfo zone)
    {
        var day = Day ?? throw new InvalidOperationException("Validate the proof first.");
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var givenAt = new DateTimeOffset(start, zone.GetUtcOffset(start));
        return new ConsentProofRequest(Method!.Value.ToWire(), givenAt, Evidence!.Trim());
    }
}
