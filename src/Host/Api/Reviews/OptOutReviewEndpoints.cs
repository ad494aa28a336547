using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Crm.Reviews;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Reviews;

/// <summary>
/// The account's review queue of possible opt-outs (overdue first), staff's confirm and dismiss, its report, and
/// revocations received outside a text. Until a review is handled its channel's marketing is held.
/// </summary>
public static class OptOutReviewEndpoints
{
    public static void MapOptOutReviewEndpoints(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/locations/opt-out-reviews").WithTags("Opt-out reviews");
        reviews.MapGet("/", ListAsync).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        reviews.MapGet("/report", ReportAsync).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        reviews.MapPost("/{reviewId}/confirm", ConfirmAsync).WithBodyLimit(ApiLimits.ApiBodyBytes)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        reviews.MapPost("/{reviewId}/dismiss", DismissAsync).WithBodyLimit(ApiLimits.ApiBodyBytes)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/contacts/{contactId}/revocations", RecordAsync).WithTags("Opt-out reviews").WithBodyLimit(ApiLimits.ApiBodyBytes)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <param name="status">open (the default), confirmed, dismissed, resolved or all.</param>
    /// <param name="limit">At most this many, 1 to 500 (100 by default).</param>
    private static async Task<Ok<OptOutReviewsResponse>> ListAsync(AccountContext account, DndDbContext db, AccountSettingsStore settings, TimeProvider clock,
        CancellationToken ct, string? status = null, int? limit = null)
    {
        var wanted = status?.Trim().ToLowerInvariant() ?? OptOutReviewStatus.Open;
        var errors = new FieldErrors();
        if (wanted != "all" && !OptOutReviewStatus.All.Contains(wanted))
        {
            errors.Add("status", $"status must be all or one of {string.Join(", ", OptOutReviewStatus.All)}");
        }
        if (limit is < 1 or > 500)
        {
            errors.Add("limit", "limit must be between 1 and 500");
        }
        errors.ThrowIfAny("The review query is invalid.");
        var (now, zone) = (clock.GetUtcNow(), (await settings.ProfileAsync(account.AccountId, ct)).Zone);
        var mine = db.OptOutReviews.AsNoTracking().Where(r => r.AccountId == account.AccountId);
        // Open ones first, by deadline, so the overdue lead; then the handled ones.
        var page = await (wanted == "all" ? mine : mine.Where(r => r.Status == wanted))
            .OrderBy(r => r.Status == OptOutReviewStatus.Open ? 0 : 1).ThenBy(r => r.Deadline).ThenBy(r => r.Id)
            .Take(limit ?? 100).ToListAsync(ct);
        var names = await NamesAsync(db, account.AccountId, page.Select(r => r.ContactId), ct);
        var open = await mine.CountAsync(r => r.Status == OptOutReviewStatus.Open, ct);
        var overdue = await mine.CountAsync(r => r.Status == OptOutReviewStatus.Open && r.Deadline < now, ct);
        return TypedResults.Ok(new OptOutReviewsResponse(page.Select(r => OptOutReviewDto.From(r, names.GetValueOrDefault(r.ContactId), now, zone)).ToList(),
            open, overdue));
    }

    /// <param name="from">Reviews received at or after this instant; 30 days ago when absent.</param>
    /// <param name="to">Received before this instant; now when absent.</param>
    private static async Task<Ok<OptOutReviewReport>> ReportAsync(AccountContext account, DndDbContext db, TimeProvider clock, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var now = clock.GetUtcNow();
        var (start, end) = (from ?? now.AddDays(-30), to ?? now);
        if (start > end)
        {
            new FieldErrors().Add("from", "from must not be after to").ThrowIfAny("The report period is invalid.");
        }
        var rows = await db.OptOutReviews.AsNoTracking()
            .Where(r => r.AccountId == account.AccountId && r.ReceivedAt >= start && r.ReceivedAt < end)
            .Select(r => new { r.Status, r.Deadline, r.HandledAt, r.MessageId }).ToListAsync(ct);
        int Count(string status) => rows.Count(r => r.Status == status);
        return TypedResults.Ok(new OptOutReviewReport(start, end, rows.Count, Count(OptOutReviewStatus.Open),
            rows.Count(r => r.Status == OptOutReviewStatus.Open && r.Deadline < now), Count(OptOutReviewStatus.Confirmed), Count(OptOutReviewStatus.Dismissed),
            Count(OptOutReviewStatus.Resolved), rows.Count(r => r.HandledAt > r.Deadline),
            // Flagged messages carry the message; a revocation staff recorded from a call or a letter has none.
            rows.Count(r => r.MessageId is null)));
    }

    private static async Task<Ok<ReviewDecisionResponse>> ConfirmAsync(string reviewId, ReviewDecisionRequest? body, AccountContext account, ReviewDesk desk,
        DndDbContext db, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors().MaxLength("note", body?.Note, ApiLimits.TextLength).ThrowIfAny("The confirmation is invalid.");
        var (review, decision) = await desk.ConfirmAsync(account.AccountId, reviewId, account.ActedBy, body?.Note, account.ClientIp, ct);
        return TypedResults.Ok(await AnswerAsync(db, settings, clock, account.AccountId, review, decision.Entries.Select(e => e.Sequence), ct));
    }

    private static async Task<Ok<ReviewDecisionResponse>> DismissAsync(string reviewId, ReviewDecisionRequest? body, AccountContext account, ReviewDesk desk,
        DndDbContext db, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors().Required("note", string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note).MaxLength("note", body?.Note, ApiLimits.TextLength)
            .ThrowIfAny("Say why the message is not an opt-out.");
        var (review, entry) = await desk.DismissAsync(account.AccountId, reviewId, account.ActedBy, body!.Note, ct);
        return TypedResults.Ok(await AnswerAsync(db, settings, clock, account.AccountId, review, [entry.Sequence], ct));
    }

    private static async Task<Ok<RevocationResponse>> RecordAsync(string contactId, RevocationRequest body, AccountContext account, ReviewDesk desk,
        DndDbContext db, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        var (method, channels, receivedAt) = body.Validate(clock.GetUtcNow());
        var (review, decision) = await desk.RecordAsync(account.AccountId, contactId, channels, method, receivedAt, account.ActedBy, body.Note,
            account.ClientIp, ct);
        var answer = await AnswerAsync(db, settings, clock, account.AccountId, review, decision.Entries.Select(e => e.Sequence), ct);
        return TypedResults.Ok(new RevocationResponse(answer.Review, answer.Ledger));
    }

    private static async Task<ReviewDecisionResponse> AnswerAsync(DndDbContext db, AccountSettingsStore settings, TimeProvider clock, string accountId,
        OptOutReviewRecord review, IEnumerable<long> sequences, CancellationToken ct)
    {
        var wanted = sequences.ToList();
        var lines = await db.Ledger.AsNoTracking().Where(l => l.ContactId == review.ContactId && wanted.Contains(l.Sequence))
            .OrderBy(l => l.Sequence).ToListAsync(ct);
        var names = await NamesAsync(db, accountId, [review.ContactId], ct);
        var zone = (await settings.ProfileAsync(accountId, ct)).Zone;
        return new ReviewDecisionResponse(OptOutReviewDto.From(review, names.GetValueOrDefault(review.ContactId), clock.GetUtcNow(), zone),
            lines.Select(LedgerEntryDto.From).ToList());
    }

    private static async Task<Dictionary<string, string?>> NamesAsync(DndDbContext db, string accountId, IEnumerable<string> contactIds, CancellationToken ct)
    {
        var ids = contactIds.Distinct().ToList();
        return await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId && ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (string?)string.Join(' ', new[] { c.FirstName, c.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))), ct);
    }
}
