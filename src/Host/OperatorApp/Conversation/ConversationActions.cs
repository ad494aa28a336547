using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Host.Api.Conversations;
using Dnd.Host.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp.ConversationScreen;

/// <summary>
/// The conversation's reads and its send, each in a scope of its own as the signed-in person (<see cref="OperatorSession"/>).
/// The messages are the API's list (<see cref="MessageHistory"/>), the send is the API's (<see cref="MessageSender"/>):
/// the same DND gate, the same refusal in the same words.
/// </summary>
public sealed class ConversationActions(OperatorSession session, ILogger log)
{
    /// <returns>The conversation; null when the account has no such contact (a deleted one included: there is no one to write to).</returns>
    public Task<ConversationView?> LoadAsync(string contactId, CancellationToken ct = default) => session.RunAsync(async services =>
    {
        var account = session.AccountId;
        var db = services.GetRequiredService<DndDbContext>();
        var row = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == account && c.Id == contactId, ct);
        if (row is null)
        {
            return null;
        }
        // The stamp first: a change landing between the reads shows at the next poll rather than being missed.
        var stamp = await StampOf(db, account, contactId, ct);
        var list = await MessageHistory.ListAsync(db, account, contactId, ct);
        var profile = await services.GetRequiredService<AccountSettingsStore>().ProfileAsync(account, ct);
        return ConversationView.From(row, list.Messages, stamp!, profile.Zone);
    });

    /// <summary>
    /// A cheap read to learn whether anything shown changed: the contact's revision (every consent write moves it on) and
    /// the count of its messages by status (a new message, or one moving from queued to sent, cancelled or held).
    /// </summary>
    /// <returns>Null when the contact is gone.</returns>
    public Task<string?> StampAsync(string contactId, CancellationToken ct = default) =>
        session.RunAsync(services => StampOf(services.GetRequiredService<DndDbContext>(), session.AccountId, contactId, ct));

    /// <summary>Sends as the API does; a refusal or invalid input is an answer in words, and changes nothing.</summary>
    public Task<SendAnswer> SendAsync(string contactId, Draft draft, CancellationToken ct = default) => session.RunAsync(async services =>
    {
        try
        {
            var outcome = await ActivatorUtilities.CreateInstance<MessageSender>(services).SendAsync(session.AccountId, draft.ToRequest(contactId), ct);
            return outcome.Refused ? new SendAnswer(true, outcome.Refusal) : new SendAnswer(false, outcome.Accepted);
        }
        catch (Exception e) when (e is ApiValidationException or ContactNotFoundException)
        {
            return new SendAnswer(true, ActionErrors.Describe(e, log));
        }
    });

    private static async Task<string?> StampOf(DndDbContext db, string account, string contactId, CancellationToken ct)
    {
        var revision = await db.Contacts.AsNoTracking().Where(c => c.AccountId == account && c.Id == contactId)
            .Select(c => (long?)c.Revision).FirstOrDefaultAsync(ct);
        if (revision is null)
        {
            return null;
        }
        var counts = await db.Messages.AsNoTracking().Where(m => m.AccountId == account && m.ContactId == contactId)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return $"{revision}:{string.Join(',', counts.OrderBy(c => c.Status, StringComparer.Ordinal).Select(c => $"{c.Status}={c.Count}"))}";
    }
}
