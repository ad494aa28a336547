using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Reports;

/// <summary>The account's compliance reports: opt-outs over a range of days (JSON, or either table as CSV) and DND counts now.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/opt-outs", OptOutsAsync).WithName("GetOptOutReport")
            .Produces<OptOutReport>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        reports.MapGet("/dnd-counts", DndCountsAsync).WithName("GetDndCounts")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    /// <param name="from">The first day (yyyy-MM-dd) in the account's time zone; 29 days before to when absent.</param>
    /// <param name="to">The last day, included; today in the account's time zone when absent.</param>
    /// <param name="format">json (the default) or csv.</param>
    /// <param name="by">For csv, which table: channel (the default) or source.</param>
    private static async Task<Results<Ok<OptOutReport>, FileContentHttpResult>> OptOutsAsync(AccountContext account, DndDbContext db,
        AccountSettingsStore settings, TimeProvider clock, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, string? format = null,
        string? by = null)
    {
        var errors = new FieldErrors();
        if (format is not (null or "json" or "csv"))
        {
            errors.Add("format", "format must be json or csv");
        }
        if (by is not (null or ReportCsv.ByChannel or ReportCsv.BySource))
        {
            errors.Add("by", "by must be channel or source");
        }
        errors.ThrowIfAny("The report query is invalid.");
        var zone = (await settings.ProfileAsync(account.AccountId, ct)).Zone;
        var range = ReportRange.Resolve(from, to, zone, clock.GetUtcNow());
        var report = await OptOutReports.BuildAsync(db, account.AccountId, range, ct);
        if (format != "csv")
        {
            return TypedResults.Ok(report);
        }
        var table = by ?? ReportCsv.ByChannel;
        // A report is at most a few thousand short rows: built whole, so an error is a problem response, not a cut-off file.
        return TypedResults.File(await ReportCsv.BytesAsync(report, table), "text/csv", ReportCsv.FileName(report, table));
    }

    private static async Task<Ok<DndCounts>> DndCountsAsync(AccountContext account, DndDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await DndCountQueries.CountAsync(db, account.AccountId, ct));
}
