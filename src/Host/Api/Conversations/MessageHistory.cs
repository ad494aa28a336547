using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Conversations;

/// <summary>A contact's messages as GET /conversations/messages and the operator app's conversation both show them.</summary>
public static class MessageHistory
{
    /// <summary>
    /// Oldest first, with the contact's DND. An unknown contact, or another account's, is not found rather than an empty
    /// list: the id is wrong. A deleted contact's messages stay readable, like its ledger.
    /// </summary>
    /// <exception cref="ApiValidationException">No contact id, or one too long.</exception>
    /// <exception cref="ContactNotFoundException">No such contact and no messages of one in this account.</exception>
    public static async Task<MessageListResponse> ListAsync(DndDbContext db, string accountId, string? contactId, CancellationToken ct)
    {
        new FieldErrors().Required("contactId", contactId).MaxLength("contactId", contactId, ApiLimits.TextLength)
            .ThrowIfAny("Say whose messages to list.");
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.ContactId == contactId)
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId && c.AccountId == accountId, ct);
        if (messages.Count == 0 && contact is null)
        {
            throw new ContactNotFoundException(contactId!);
        }
        return new MessageListResponse(messages.Select(MessageDto.From).ToList(), contact is null ? null : ContactDndStatusDto.From(contact));
    }
}
