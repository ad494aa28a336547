using System.Runtime.CompilerServices;
using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// Exports the proofs of consent users recorded to lift permanent DND, each with its ledger line, for a period: JSON, or
/// CSV (format=csv) for a compliance officer's spreadsheet. Streamed, so a long period is not held in memory.
/// </summary>
public static class ConsentProofEndpoints
{
    public static void MapConsentProofEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/consent/proofs", Export).WithTags("Contacts").WithName("ExportConsentProofs")
            .Produces<ConsentProofsResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <param name="from">Lines at or after this instant; the account's first when absent.</param>
    /// <param name="to">Lines before this instant; now when absent.</param>
    /// <param name="format">json (the default) or csv.</param>
    private static Results<Ok<ConsentProofsResponse>, PushStreamHttpResult> Export(AccountContext account, DndDbContext db, TimeProvider clock,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? format = null)
    {
        var (start, end) = (from ?? DateTimeOffset.MinValue, to ?? clock.GetUtcNow());
        var errors = new FieldErrors();
        if (start > end)
        {
            errors.Add("from", "from must not be after to");
        }
        if (format is not (null or "json" or "csv"))
        {
            errors.Add("format", "format must be json or csv");
        }
        errors.ThrowIfAny("The export period or format is invalid.");
        var rows = Rows(db, account.AccountId, start, end);
        return format == "csv"
            ? TypedResults.Stream(stream => WriteCsvAsync(stream, rows), "text/csv", $"consent-proofs-{account.AccountId}.csv")
            : TypedResults.Ok(new ConsentProofsResponse(rows));
    }

    private static async IAsyncEnumerable<ConsentProofRow> Rows(DndDbContext db, string accountId, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var lines = db.Ledger.AsNoTracking()
            .Where(l => l.AccountId == accountId && l.ProofJson != null && l.At >= from && l.At < to)
            .OrderBy(l => l.At).ThenBy(l => l.Id)
            .AsAsyncEnumerable();
        await foreach (var line in lines.WithCancellation(ct))
        {
            yield return ConsentProofRow.From(line);
        }
    }

    private static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<ConsentProofRow> rows)
    {
        await using var csv = CsvWriter.Create(stream, null, leaveOpen: true);
        await csv.WriteRecordsAsync(rows);
    }
}
