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
        CancellationToken ct, string? status = null, int? limit = null) =>
        TypedResults.Ok(await OptOutReviewQueries.ListAsync(db, settings, account.AccountId, clock.GetUtcNow(), status, limit, ct));

    /// <param name="from">Reviews received at or after this instant; 30 days ago when absent.</param>
    /// <param name="to">Received before this instant; now when absent.</param>
    private static async Task<Ok<OptOutReviewReport>> ReportAsync(AccountContext account, DndDbContext db, TimeProvider clock, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        TypedResults.Ok(await OptOutReviewQueries.ReportAsync(db, account.AccountId, clock.GetUtcNow(), from, to, ct));

    private static async Task<Ok<ReviewDecisionResponse>> ConfirmAsync(string reviewId, ReviewDecisionRequest? body, AccountContext account, ReviewDesk desk,
        DndDbContext db, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        (body ?? new ReviewDecisionRequest()).ValidateConfirm();
        var (review, decision) = await desk.ConfirmAsync(account.AccountId, reviewId, account.ActedBy, body?.Note, account.ClientIp, ct);
        return TypedResults.Ok(await AnswerAsync(db, settings, clock, account.AccountId, review, decision.Entries.Select(e => e.Sequence), ct));
    }

    private static async Task<Ok<ReviewDecisionResponse>> DismissAsync(string reviewId, ReviewDecisionRequest? body, AccountContext account, ReviewDesk desk,
        DndDbContext db, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        (body ?? new ReviewDecisionRequest()).ValidateDismiss();
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
        var names = await OptOutReviewQueries.NamesAsync(db, accountId, [review.ContactId], ct);
        var zone = (await settings.ProfileAsync(accountId, ct)).Zone;
        return new ReviewDecisionResponse(OptOutReviewDto.From(review, names.GetValueOrDefault(review.ContactId), clock.GetUtcNow(), zone),
            lines.Select(LedgerEntryDto.From).ToList());
    }
}
