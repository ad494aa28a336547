using System.Globalization;
using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Exports;

/// <summary>
/// The account's consent ledger for a period as CSV, every line with its actor, rule, verdict and proof of consent:
/// what a compliance officer hands an auditor. Keyset pages of (At, Id), written as they come.
/// </summary>
public static class LedgerExportEndpoints
{
    /// <summary>The widest period one export covers: a year (a leap one included).</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    private static readonly string[] Columns =
    [
        "Contact Id", "Address", "Sequence", "At", "Event", "Actor", "Acted By", "Client IP", "Channel", "Verdict", "Before", "After", "Rule",
        "Policy Rule", "Fired Rules", "Explanation", "Proof Method", "Proof Given At", "Proof Evidence", "Proof Recorded By",
    ];

    public static void MapLedgerExportEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/locations/ledger/export.csv", Export).WithTags("Exports").WithName("ExportLedgerCsv")
            // The operator app links here: staff download with their sign-in cookie (a GET, so no antiforgery token).
            .AcceptOperatorSession()
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <param name="from">Lines at or after this instant (ISO 8601); 30 days before "to" when absent.</param>
    /// <param name="to">Lines before this instant; now when absent. At most 366 days after "from".</param>
    private static PushStreamHttpResult Export(AccountContext account, DndDbContext db, TimeProvider clock, string? from = null, string? to = null)
    {
        var errors = new FieldErrors();
        var end = Instant("to", to, errors) ?? clock.GetUtcNow();
        var start = Instant("from", from, errors) ?? end - DefaultPeriod;
        if (start > end)
        {
            errors.Add("from", "from must not be after to");
        }
        else if (end - start > MaxPeriod)
        {
            errors.Add("to", $"The period is at most {MaxPeriod.TotalDays} days; export a longer one in parts");
        }
        errors.ThrowIfAny("The export period is invalid.");
        return TypedResults.Stream(stream => WriteAsync(stream, db, account.AccountId, start, end), "text/csv",
            $"ledger-{account.AccountId}-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
    }

    private static DateTimeOffset? Instant(string name, string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }
        errors.Add(name, $"{name} \"{text}\" is not a date and time (ISO 8601, e.g. 2026-01-31T00:00:00Z)");
        return null;
    }

    private static async Task WriteAsync(Stream stream, DndDbContext db, string accountId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var csv = CsvWriter.Create(stream, null, leaveOpen: true);
        csv.WriteHeader(Columns);
        var (at, id) = (from, 0L);
        while (true)
        {
            var (afterAt, afterId) = (at, id);
            var page = await db.Ledger.AsNoTracking()
                .Where(l => l.AccountId == accountId && l.At < to && l.At >= afterAt && (l.At > afterAt || l.Id > afterId))
                .OrderBy(l => l.At).ThenBy(l => l.Id).Take(ContactExportEndpoints.PageSize).ToListAsync();
            foreach (var line in page)
            {
                Write(csv, line);
                await csv.EndRecordAsync();
            }
            if (page.Count < ContactExportEndpoints.PageSize)
            {
                return;
            }
            (at, id) = (page[^1].At, page[^1].Id);
        }
    }

    private static void Write(CsvWriter csv, LedgerRecord l)
    {
        var proof = ContactConsentMapping.ProofOf(l);
        csv.WriteField(l.ContactId);
        csv.WriteField(l.Address);
        csv.WriteField(l.Sequence);
        csv.WriteField(l.At.ToUniversalTime(), "O");
        csv.WriteField(l.Event);
        csv.WriteField(l.Actor);
        csv.WriteField(l.ActedBy);
        csv.WriteField(l.ClientIp);
        csv.WriteField(l.Channel);
        csv.WriteField(l.Verdict);
        csv.WriteField(l.Before);
        csv.WriteField(l.After);
        csv.WriteField(l.Rule);
        csv.WriteField(l.PolicyRule);
        csv.WriteField(l.FiredRules);
        csv.WriteField(l.Explanation);
        csv.WriteField(proof?.Method.ToWire());
        if (proof is null)
        {
            csv.WriteField((string?)null);
        }
        else
        {
            csv.WriteField(proof.GivenAt.ToUniversalTime(), "O");
        }
        csv.WriteField(proof?.Evidence);
        csv.WriteField(proof?.RecordedBy);
    }
}
