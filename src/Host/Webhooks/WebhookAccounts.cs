using Dnd.Workflows.Caching;
using Dnd.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dnd.Host.Webhooks;

public static class WebhookAccounts
{
    /// <summary>
    /// The account a webhook names, through the process's <see cref="AccountCache"/> (admin writes and settings
    /// changes invalidate it), so a burst of provider callbacks does not read the accounts table for each one.
    /// </summary>
    /// <returns>A fresh untracked row, or null for an unknown account (not cached: an account created later is found).</returns>
    public static async Task<AccountRecord?> FindAsync(DndDbContext db, string accountId, CancellationToken ct)
    {
        // The handlers hand over their DbContext only; the process's one cache is in the application's services,
        // which the context knows. A context made by hand has none and reads the table.
        var cache = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<AccountCache>();
        return cache is null
            ? await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct)
            : (await cache.FindAsync(db, accountId, ct))?.ToRecord();
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid signature", detail: detail);

    public static ProblemHttpResult UnknownAccount(string accountId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: $"No account {accountId}.");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);
}
