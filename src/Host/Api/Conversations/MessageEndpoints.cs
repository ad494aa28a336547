using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using Dnd.Workflows.Messaging;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Conversations;

public static class MessageEndpoints
{
    public static void MapMessageEndpoints(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapPost("/messages", SendAsync);
        conversations.MapGet("/messages", ListAsync);
    }

    /// <summary>Sends through the same DND gate as workflows; a blocked send is refused with the reason (and logged as skipped).</summary>
    private static async Task<IResult> SendAsync(SendMessageRequest body, AccountContext account, DndDbContext db, AccountWrites writes,
        OutboundMessenger messenger, CancellationToken ct)
    {
        if (!ChannelNames.TryParse(body.Type, out var channel))
        {
            throw new ApiValidationException($"type '{body.Type}' is not a channel (SMS, Email, WhatsApp, FB, GMB, Call).");
        }
        var text = channel == Channel.Email ? body.Html ?? body.Message : body.Message;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiValidationException(channel == Channel.Email ? "html or message is required." : "message is required.");
        }
        // In the account's write order: an opt-out committed before this send refuses it, one after it cancels it.
        await using var write = await writes.BeginAsync(account.AccountId, ct);
        var contact = await ContactEndpoints.FindAsync(db, account, body.ContactId, ct);
        var result = await messenger.SendAsync(contact, channel, body.Subject, text, workflowInstanceId: null, ct: ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        if (!result.Sent)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Blocked by DND",
                detail: $"Cannot send {channel.ToWire()} to this contact: {result.BlockedReason}",
                extensions: new Dictionary<string, object?> { ["messageId"] = result.Message.Id, ["channel"] = channel.ToWire() });
        }
        return Results.Ok(new { conversationId = contact.Id, messageId = result.Message.Id, msg = "Message queued" });
    }

    private static async Task<IResult> ListAsync(string contactId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.AccountId == account.AccountId && m.ContactId == contactId)
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return Results.Ok(new { messages });
    }
}
