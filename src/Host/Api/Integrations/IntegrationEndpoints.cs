using Dnd.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Integrations;

/// <summary>
/// The account's providers: list them (secrets only as set or not), connect or update one after the provider accepts
/// the credentials, disconnect one (its sends held, every contact's DND kept), and the audit of those changes.
/// </summary>
public static class IntegrationEndpoints
{
    public static void MapIntegrationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/integrations").WithTags("Integrations");
        group.MapGet("/", async (AccountContext account, IntegrationConnector connector, CancellationToken ct) =>
            TypedResults.Ok(new IntegrationsResponse(await connector.ListAsync(account.AccountId, ct))));
        group.MapGet("/events", async (AccountContext account, IntegrationConnector connector, CancellationToken ct) =>
            TypedResults.Ok(new IntegrationEventsResponse(await connector.EventsAsync(account.AccountId, ct))));
        group.MapPut("/{provider}", ConnectAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{provider}", DisconnectAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IntegrationResponse>> ConnectAsync(string provider, IntegrationRequest body, AccountContext account,
        IntegrationConnector connector, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        return TypedResults.Ok(new IntegrationResponse(await connector.ConnectAsync(account.AccountId, provider, body, account.ActedBy, ct)));
    }

    private static async Task<Ok<IntegrationResponse>> DisconnectAsync(string provider, AccountContext account, IntegrationConnector connector,
        CancellationToken ct) =>
        TypedResults.Ok(new IntegrationResponse(await connector.DisconnectAsync(account.AccountId, provider, account.ActedBy, ct)));
}
