using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Webhooks;

public static class WebhookAccounts
{
    public static Task<AccountRecord?> FindAsync(DndDbContext db, string accountId, CancellationToken ct) =>
        db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);

    public static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid signature", detail: detail);

    public static IResult UnknownAccount(string accountId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: $"No account {accountId}.");
}
