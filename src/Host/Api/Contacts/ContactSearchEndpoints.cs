using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Crm.Consent;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Contacts;

public static class ContactSearchEndpoints
{
    public static void MapContactSearchEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/contacts/search", SearchAsync).WithTags("Contacts").WithName("SearchContacts")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<SearchContactsResponse>> SearchAsync(ContactSearchRequest body, AccountContext account, DndDbContext db,
        AccountSettingsStore settings, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        return TypedResults.Ok(await ContactSearch.RunAsync(account.AccountId, body, db, settings, ct));
    }
}
