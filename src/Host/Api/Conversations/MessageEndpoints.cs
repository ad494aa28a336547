using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Sends through the same DND gate as workflows. A blocked send is refused with the reason and, like every 4xx,
    /// changes nothing: nothing was sent, and the caller holds the answer (workflow sends record a skipped message,
    /// because there nobody else sees the refusal).
    /// </summary>
    private static async Task<Results<Ok<SendMessageResponse>, ProblemHttpResult>> SendAsync(SendMessageRequest body, AccountContext account,
        ConsentWrites consentWrites, AccountSettingsStore settings, TemplateRenderer templates, MessageComposer composer, TimeProvider clock, CancellationToken ct)
    {
        var (channel, text) = body.Validate();
        // Read before the write (the account cache): on SQLite the write holds the one writer, which must not wait on a query.
        var sender = await settings.SenderAsync(account.AccountId, ct);
        // In the account's write order: an opt-out committed before this send refuses it, one after it cancels it.
        var (contactId, messageId, blockedOrHeld) = await consentWrites.RunAsync(account.AccountId, async consent =>
        {
            var contact = await consent.Rows.FindContactAsync(account.AccountId, body.ContactId!, ct) ?? throw new ContactNotFoundException(body.ContactId!);
            // Refused before anything is staged: a refused API send records nothing (the caller holds the answer).
            if (Reachability.BlockedReason(contact, channel) is { } reason)
            {
                return (contact.Id, (string?)null, (string?)reason);
            }
            var result = await new OutboundMessenger(consent.Rows, templates, composer, clock).SendAsync(contact, channel, body.Subject, text,
                workflowInstanceId: null, sender, purpose: body.PurposeOrDefault, ct: ct);
            return result.Sent ? (contact.Id, result.Message.Id, result.Message.StatusReason) : throw new InvalidOperationException(result.BlockedReason);
        }, ct);
        if (messageId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Blocked by DND",
                detail: $"Cannot send {channel.ToWire()} to this contact: {blockedOrHeld}",
                extensions: new Dictionary<string, object?> { ["channel"] = channel.ToWire() });
        }
        // A held message is accepted: it leaves if staff dismiss the review, and is cancelled if they confirm it.
        return TypedResults.Ok(new SendMessageResponse(contactId, messageId, blockedOrHeld is null ? "Message queued" : $"Message {blockedOrHeld}"));
    }

    /// <summary>
    /// An unknown contact, or another account's, is a 404 rather than an empty list: the id is wrong. A deleted
    /// contact's messages stay readable, like its ledger.
    /// </summary>
    private static async Task<Ok<MessageListResponse>> ListAsync(string? contactId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        new FieldErrors().Required("contactId", contactId).MaxLength("contactId", contactId, ApiLimits.TextLength)
            .ThrowIfAny("Say whose messages to list.");
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.AccountId == account.AccountId && m.ContactId == contactId)
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId && c.AccountId == account.AccountId, ct);
        if (messages.Count == 0 && contact is null)
        {
            throw new ContactNotFoundException(contactId!);
        }
        return TypedResults.Ok(new MessageListResponse(messages.Select(MessageDto.From).ToList(), contact is null ? null : ContactDndStatusDto.From(contact)));
    }
}
