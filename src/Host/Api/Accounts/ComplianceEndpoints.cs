using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// The account's compliance texts (business profile): read, change (every template checked, a bad one refused with
/// its line and column), and preview a message exactly as it would leave.
/// </summary>
public static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/compliance").WithTags("Accounts");
        group.MapGet("/", async (AccountContext account, AccountSettingsStore settings, CancellationToken ct) =>
            TypedResults.Ok(ComplianceResponse.From(await settings.SenderAsync(account.AccountId, ct))));
        group.MapPut("/", UpdateAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/preview", PreviewAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<ComplianceResponse>> UpdateAsync(ComplianceRequest body, AccountContext account, DndDbContext db, AccountCache accounts,
        CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var saved = await AccountSettingsWriter.SaveAsync(db, accounts, account.AccountId, settings: null, compliance: body, ct);
        return TypedResults.Ok(ComplianceResponse.From(saved.Sender));
    }

    private static async Task<Ok<CompliancePreviewResponse>> PreviewAsync(CompliancePreviewRequest body, AccountContext account, DndDbContext db,
        AccountSettingsStore settings, OutboundMessenger messenger, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await CompliancePreview.ComposeAsync(body, account.AccountId, await settings.SenderAsync(account.AccountId, ct), db, messenger,
            clock.GetUtcNow(), ct));
}
