using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Dnd.Crm.Subscriptions;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Api.Subscriptions;

/// <summary>
/// Outbound DND webhooks: subscribe a URL to ContactDndUpdate and ConsentLedgerEntry events, list, delete, rotate the
/// signing secret (shown once), and read and replay the delivery log. The signature scheme is in the README.
/// </summary>
public static class WebhookSubscriptionEndpoints
{
    public static void MapWebhookSubscriptionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/webhook-subscriptions").WithTags("Webhook subscriptions");
        group.MapPost("/", CreateAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", async (AccountContext account, SubscriptionStore store, CancellationToken ct) =>
            TypedResults.Ok(new WebhookSubscriptionsResponse((await store.ListAsync(account.AccountId, ct)).Select(WebhookSubscriptionDto.From).ToList())));
        group.MapDelete("/{id}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/rotate-secret", RotateAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/deliveries", DeliveriesAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<WebhookSecretResponse>> CreateAsync(WebhookSubscriptionRequest body, AccountContext account, SubscriptionStore store,
        IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var created = await SubscribeAsync(body, account, store, options.Value, ct);
        return TypedResults.Created($"/locations/webhook-subscriptions/{created.Subscription.Id}", created);
    }

    /// <summary>The subscription checked, within the account's limit, and made: the API's and the operator app's one way to subscribe.</summary>
    /// <exception cref="ApiValidationException">422 naming url and/or events, 409 at the limit; nothing made.</exception>
    internal static async Task<WebhookSecretResponse> SubscribeAsync(WebhookSubscriptionRequest body, AccountContext account, SubscriptionStore store,
        WebhookOptions options, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var (url, events) = WebhookSubscriptionValidation.Check(body, options);
        if (await store.CountAsync(account.AccountId, ct) >= options.MaxPerAccount)
        {
            throw new ApiValidationException($"The account has {options.MaxPerAccount} subscriptions, the most it may have; delete one first.",
                status: StatusCodes.Status409Conflict, title: "Too many subscriptions");
        }
        var (subscription, secret) = await store.CreateAsync(account.AccountId, url, events, account.ActedBy, ct);
        return new WebhookSecretResponse(WebhookSubscriptionDto.From(subscription), secret);
    }

    private static async Task<Results<Ok<WebhookSubscriptionDeletedResponse>, ProblemHttpResult>> DeleteAsync(string id, AccountContext account,
        SubscriptionStore store, CancellationToken ct) =>
        await store.DeleteAsync(account.AccountId, id, ct) ? TypedResults.Ok(new WebhookSubscriptionDeletedResponse(true)) : NotFound(id);

    private static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> RotateAsync(string id, AccountContext account, SubscriptionStore store,
        CancellationToken ct) =>
        await store.RotateAsync(account.AccountId, id, ct) is var (subscription, secret)
            ? TypedResults.Ok(new WebhookSecretResponse(WebhookSubscriptionDto.From(subscription), secret))
            : NotFound(id);

    /// <summary>Newest first, limit at a time; before (a page's nextBefore) asks for the older ones.</summary>
    private static async Task<Results<Ok<WebhookDeliveriesResponse>, ProblemHttpResult>> DeliveriesAsync(string id, AccountContext account,
        SubscriptionStore store, CancellationToken ct, long? before = null, int limit = 50)
    {
        if (limit is < 1 or > ApiLimits.MaxPageLimit)
        {
            new FieldErrors().Add("limit", $"limit must be between 1 and {ApiLimits.MaxPageLimit}").ThrowIfAny("The page is out of range.");
        }
        if (await store.FindAsync(account.AccountId, id, ct) is null)
        {
            return NotFound(id);
        }
        return TypedResults.Ok(await DeliveriesPageAsync(store, account.AccountId, id, before, limit, ct));
    }

    internal static async Task<WebhookDeliveriesResponse> DeliveriesPageAsync(SubscriptionStore store, string accountId, string id, long? before, int limit,
        CancellationToken ct)
    {
        var (page, attempts) = await store.DeliveriesAsync(accountId, id, before, limit, ct);
        return new WebhookDeliveriesResponse(page.Select(d => WebhookDeliveryDto.From(d, attempts[d.Id])).ToList(), page.Count == limit ? page[^1].Id : null);
    }

    /// <param name="delivery">A delivery's id as the log gives it; anything else names no delivery (404, like an unknown one).</param>
    private static async Task<Results<Ok<RedeliveryResponse>, ProblemHttpResult>> RedeliverAsync(string id, [FromRoute(Name = "deliveryId")] string delivery,
        AccountContext account, SubscriptionStore store, CancellationToken ct)
    {
        _ = long.TryParse(delivery, NumberStyles.None, CultureInfo.InvariantCulture, out var deliveryId);
        return deliveryId > 0 && await SendAgainAsync(store, account.AccountId, id, deliveryId, ct) is { } redelivered
            ? TypedResults.Ok(redelivered)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found", detail: $"Subscription {id} has no delivery {delivery}.");
    }

    /// <returns>Null when the account's subscription has no such delivery.</returns>
    /// <exception cref="ApiValidationException">409 while the delivery is being sent.</exception>
    internal static async Task<RedeliveryResponse?> SendAgainAsync(SubscriptionStore store, string accountId, string id, long deliveryId, CancellationToken ct)
    {
        try
        {
            return await store.RedeliverAsync(accountId, id, deliveryId, ct) is { } attempt
                ? new RedeliveryResponse(deliveryId, WebhookAttemptDto.From(attempt.ToRecord(deliveryId, redelivery: true)))
                : null;
        }
        catch (InvalidOperationException e)
        {
            throw new ApiValidationException(e.Message, status: StatusCodes.Status409Conflict, title: "Delivery in flight");
        }
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Webhook subscription not found", detail: $"Webhook subscription {id} does not exist.");
}
