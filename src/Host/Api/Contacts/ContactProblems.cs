namespace Dnd.Host.Api.Contacts;

/// <summary>The problem responses the contact endpoints declare in the OpenAPI document, grouped by kind of endpoint.</summary>
public static class ContactProblems
{
    /// <summary>
    /// Create, update and upsert: 400 for a body that is not JSON of the right shape and for HighLevel's duplicate
    /// contact answer, 403 for another location's locationId, 409 when a concurrent write got there first, 413 for
    /// an oversized body, 422 for invalid fields.
    /// </summary>
    public static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Adding and removing tags: a bad body, an unknown contact, a concurrent write, an oversized body, invalid tags.</summary>
    public static RouteHandlerBuilder ProducesTagProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
