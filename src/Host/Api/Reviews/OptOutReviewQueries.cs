using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Crm.Reviews;
using Dnd.Host.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Reviews;

/// <summary>
/// The review queue and its report, read once here for both GET /locations/opt-out-reviews(/report) and the operator
/// app's Opt-out reviews screen, so the two never count differently.
/// </summary>
public static class OptOutReviewQueries
{
    /// <summary>open (the default), confirmed, dismissed, resolved or all; open ones first by deadline, so the overdue lead.</summary>
    /// <exception cref="ApiValidationException">422 for a status or limit out of range.</exception>
    public static async Task<OptOutReviewsResponse> ListAsync(DndDbContext db, AccountSettingsStore settings, string accountId, DateTimeOffset now,
        string? status, int? limit, CancellationToken ct)
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
        var zone = (await settings.ProfileAsync(accountId, ct)).Zone;
        var mine = db.OptOutReviews.AsNoTracking().Where(r => r.AccountId == accountId);
        var page = await (wanted == "all" ? mine : mine.Where(r => r.Status == wanted))
            .OrderBy(r => r.Status == OptOutReviewStatus.Open ? 0 : 1).ThenBy(r => r.Deadline).ThenBy(r => r.Id)
            .Take(limit ?? 100).ToListAsync(ct);
        var names = await NamesAsync(db, accountId, page.Select(r => r.ContactId), ct);
        var open = await mine.CountAsync(r => r.Status == OptOutReviewStatus.Open, ct);
        var overdue = await mine.CountAsync(r => r.Status == OptOutReviewStatus.Open && r.Deadline < now, ct);
        return new OptOutReviewsResponse(page.Select(r => OptOutReviewDto.From(r, names.GetValueOrDefault(r.ContactId), now, zone)).ToList(), open, overdue);
    }

    /// <summary>What was received in [from, to) and what became of it; from defaults to 30 days ago, to to now.</summary>
    /// <exception cref="ApiValidationException">422 when from is after to.</exception>
    public static async Task<OptOutReviewReport> ReportAsync(DndDbContext db, string accountId, DateTimeOffset now, DateTimeOffset? from,
        DateTimeOffset? to, CancellationToken ct)
    {
        var (start, end) = (from ?? now.AddDays(-30), to ?? now);
        if (start > end)
        {
            new FieldErrors().Add("from", "from must not be after to").ThrowIfAny("The report period is invalid.");
        }
        var rows = await db.OptOutReviews.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.ReceivedAt >= start && r.ReceivedAt < end)
            .Select(r => new { r.Status, r.Deadline, r.HandledAt, r.MessageId }).ToListAsync(ct);
        int Count(string status) => rows.Count(r => r.Status == status);
        return new OptOutReviewReport(start, end, rows.Count, Count(OptOutReviewStatus.Open),
            rows.Count(r => r.Status == OptOutReviewStatus.Open && r.Deadline < now), Count(OptOutReviewStatus.Confirmed), Count(OptOutReviewStatus.Dismissed),
            Count(OptOutReviewStatus.Resolved), rows.Count(r => r.HandledAt > r.Deadline),
            // Flagged messages carry the message; a revocation staff recorded from a call or a letter has none.
            rows.Count(r => r.MessageId is null));
    }

    public static async Task<Dictionary<string, string?>> NamesAsync(DndDbContext db, string accountId, IEnumerable<string> contactIds, CancellationToken ct)
    {
        var ids = contactIds.Distinct().ToList();
        return await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId && ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (string?)c.FullName, ct);
    }
}
