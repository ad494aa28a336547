using Dnd.Crm.Integrations;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Crm.Templates;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Reviews;

/// <summary>
/// What staff do with revocations: confirm or dismiss a possible opt-out from the review queue, and record one that
/// reached the business another way (a call, an e-mail, a letter). Each is one account write with its ledger line.
/// </summary>
public sealed class ReviewDesk(CrmDbContext db, ConsentService consent, ConsentApplier applier, ConsentEngine engine, AccountWrites writes,
    AccountSettingsStore accounts, TemplateRenderer templates, TimeProvider clock)
{
    public const string DismissedRule = "StaffDismissedPossibleOptOut";

    /// <summary>The review's message is an opt-out: permanent DND on its channel (and the account's revocation scope), from the day it was received.</summary>
    /// <exception cref="ReviewNotFoundException">No such review in the account.</exception>
    /// <exception cref="ReviewClosedException">It was already handled.</exception>
    public async Task<(OptOutReviewRecord Review, ConsentDecision Decision)> ConfirmAsync(string accountId, string reviewId, string staff, string? note,
        string? clientIp, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var review = await OpenAsync(accountId, reviewId, ct);
        var contact = await consent.LoadAsync(accountId, review.ContactId, ct);
        var channel = ChannelNames.Parse(review.Channel);
        var decision = await consent.ApplyAsync(contact, new RevocationRecorded([channel], "text", review.ReceivedAt, review.Deadline, note)
        {
            ActedBy = $"{staff}, confirming review {review.Id} of the contact's message {review.MessageId ?? "(none)"}: \"{Short(review.Body)}\"",
            ClientIp = clientIp,
        }, ct);
        Close(review, OptOutReviewStatus.Confirmed, staff, note, decision.Entries.LastOrDefault(e => e.Channel == channel)?.Sequence);
        contact.Release(review.Channel);
        await ConfirmInWindowAsync(contact, channel, review, decision, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return (review, decision);
    }

    /// <summary>The review's message is not an opt-out: recorded on the ledger, and the channel's held marketing goes out again.</summary>
    /// <exception cref="ReviewNotFoundException">No such review in the account.</exception>
    /// <exception cref="ReviewClosedException">It was already handled.</exception>
    public async Task<(OptOutReviewRecord Review, ConsentLedgerEntry Entry)> DismissAsync(string accountId, string reviewId, string staff, string? note,
        CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var review = await OpenAsync(accountId, reviewId, ct);
        var contact = await consent.LoadAsync(accountId, review.ContactId, ct);
        var channel = ChannelNames.Parse(review.Channel);
        var entry = engine.Note(applier.Store.Contact(contact), channel, $"review.dismissed {review.Id}", Actor.User, DismissedRule,
            $"{staff} read the contact's message \"{Short(review.Body)}\" (received {review.ReceivedAt:u}) as not an opt-out" +
            (string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}"), staff);
        applier.Store.Write(contact, [entry]);
        Close(review, OptOutReviewStatus.Dismissed, staff, note, entry.Sequence);
        var othersOpen = await db.OptOutReviews.AnyAsync(r => r.AccountId == accountId && r.ContactId == contact.Id && r.Channel == review.Channel &&
                                                              r.Status == OptOutReviewStatus.Open && r.Id != review.Id, ct);
        if (!othersOpen)
        {
            contact.Release(review.Channel);
            foreach (var held in await EfConsentRows.Outbound(db.Messages, accountId, contact.Id, review.Channel)
                         .Where(m => m.Status == MessageStatus.Held && m.StatusReason != IntegrationHolds.Reason).ToListAsync(ct))
            {
                (held.Status, held.StatusReason) = (MessageStatus.Queued, $"released: {staff} dismissed review {review.Id}");
            }
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return (review, entry);
    }

    /// <summary>
    /// A revocation that reached the business another way: permanent DND on its channels now. Its clock started when it
    /// was received, which the ledger shows with the deadline; a review is filed as confirmed, so reports count it.
    /// </summary>
    public async Task<(OptOutReviewRecord Review, ConsentDecision Decision)> RecordAsync(string accountId, string contactId, IReadOnlyList<Channel> channels,
        string method, DateTimeOffset receivedAt, string staff, string? note, string? clientIp, CancellationToken ct)
    {
        var zone = (await accounts.ProfileAsync(accountId, ct)).Zone;
        await using var write = await writes.BeginAsync(accountId, ct);
        var contact = await consent.LoadAsync(accountId, contactId, ct);
        var deadline = BusinessDays.Deadline(receivedAt, zone);
        var decision = await consent.ApplyAsync(contact, new RevocationRecorded(channels, method, receivedAt, deadline, note)
        {
            ActedBy = $"{staff}, recording a revocation received by {method.Replace('_', ' ')}", ClientIp = clientIp,
        }, ct);
        var now = clock.GetUtcNow();
        var review = new OptOutReviewRecord
        {
            Id = Shared.Ids.RowIds.New(), AccountId = accountId, ContactId = contact.Id, Channel = string.Join(",", channels.Select(c => c.ToWire())),
            Body = note ?? "", Rule = decision.Classification.Rule, Reason = $"revocation received by {method.Replace('_', ' ')}",
            ReceivedAt = receivedAt, Deadline = deadline, FlaggedSequence = decision.Entries.FirstOrDefault()?.Sequence ?? 0,
        };
        Close(review, OptOutReviewStatus.Confirmed, staff, note, decision.Entries.LastOrDefault()?.Sequence);
        db.OptOutReviews.Add(review);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return (review, decision);
    }

    /// <summary>A confirmation is owed for a text opt-out only while its 5 minutes from receipt last; it leaves through the outbox.</summary>
    private async Task ConfirmInWindowAsync(ContactRecord contact, Channel channel, OptOutReviewRecord review, ConsentDecision decision, CancellationToken ct)
    {
        var sender = await accounts.SenderAsync(contact.AccountId, ct);
        if (OptOutConfirmation.Owed(decision, channel, sender.Texts) is { } optOut && clock.GetUtcNow() <= review.ReceivedAt + OptOutConfirmation.Window)
        {
            OptOutConfirmation.Record(applier.Rows, contact, channel, templates.Render(sender.Texts.OptOutReply, contact, account: sender.Account),
                review.ReceivedAt, optOut.Sequence, MessageStatus.Queued, clock.GetUtcNow());
        }
    }

    private async Task<OptOutReviewRecord> OpenAsync(string accountId, string reviewId, CancellationToken ct)
    {
        var review = await db.OptOutReviews.SingleOrDefaultAsync(r => r.Id == reviewId && r.AccountId == accountId, ct)
                     ?? throw new ReviewNotFoundException(reviewId);
        return review.Status == OptOutReviewStatus.Open ? review : throw new ReviewClosedException(review);
    }

    private void Close(OptOutReviewRecord review, string status, string staff, string? note, long? sequence)
    {
        review.Status = status;
        review.HandledAt = clock.GetUtcNow();
        review.HandledBy = staff;
        review.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        review.HandledSequence = sequence;
    }

    private static string Short(string body) => body.Length <= 80 ? body : body[..80] + "…";
}
