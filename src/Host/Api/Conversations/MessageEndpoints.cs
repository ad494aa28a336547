using Dnd.Crm.Messaging.QuietHours;
using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Conversations;

public static class MessageEndpoints
{
    public static void MapMessageEndpoints(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapPost("/messages", SendAsync).WithBodyLimit(ApiLimits.MessageRequestBytes)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        conversations.MapGet("/messages", ListAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Sends through the DND gate (<see cref="MessageSender"/>): a refusal is a 422 with the reason and records nothing.</summary>
    private static async Task<Results<Ok<SendMessageResponse>, ProblemHttpResult>> SendAsync(SendMessageRequest body, AccountContext account,
        ConsentWrites consentWrites, AccountSettingsStore settings, TemplateRenderer templates, MessageComposer composer, QuietHoursPolicy quietHours, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await new MessageSender(consentWrites, settings, templates, composer, quietHours, clock).SendAsync(account.AccountId, body, ct);
        if (outcome.Refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Blocked by DND", detail: outcome.Refusal,
                extensions: new Dictionary<string, object?> { ["channel"] = outcome.Channel.ToWire() });
        }
        return TypedResults.Ok(new SendMessageResponse(outcome.ContactId, outcome.MessageId!, outcome.Accepted));
    }

    private static async Task<Ok<MessageListResponse>> ListAsync(string? contactId, AccountContext account, DndDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await MessageHistory.ListAsync(db, account.AccountId, contactId, ct));
}
