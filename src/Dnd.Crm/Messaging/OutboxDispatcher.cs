using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Messaging;

/// <summary>
/// Moves queued messages out of the outbox. Each one is checked against consent again at the moment it leaves,
/// inside its account's write (so no opt-out can commit between the check and the hand-over): a message that a
/// later decision blocks is cancelled with the reason and that decision's ledger line, never delivered. A marketing
/// message outside the recipient's sending window waits (NotBefore) and is checked again then. Runs only where a
/// transport is registered; without one, messages stay queued.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MessagingOptions> options, QuietHoursPolicy quietHours,
    ILogger<OutboxDispatcher> logger, IMessageTransport? transport = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (transport is null)
        {
            logger.LogInformation("No message transport is registered: outbound messages stay queued in the outbox.");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox pass failed; retrying");
            }
        }
    }

    /// <returns>How many messages were delivered.</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        List<(string Id, string AccountId)> queued;
        var now = clock.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            queued = (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Messages.AsNoTracking()
                    .Where(m => m.Status == MessageStatus.Queued && m.Direction == "outbound" && (m.NotBefore == null || m.NotBefore <= now))
                    .OrderBy(m => m.CreatedAt).Select(m => new { m.Id, m.AccountId }).Take(200).ToListAsync(ct))
                .Select(m => (m.Id, m.AccountId)).ToList();
        }
        var delivered = 0;
        foreach (var (id, accountId) in queued)
        {
            if (await LeaveAsync(id, accountId, ct))
            {
                delivered++;
            }
        }
        return delivered;
    }

    private async Task<bool> LeaveAsync(string messageId, string accountId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        // Read before the write: on SQLite the write holds the one writer, which must not wait on a query.
        var sender = await scope.ServiceProvider.GetRequiredService<AccountSettingsStore>().SenderAsync(accountId, ct);
        await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId && m.Status == MessageStatus.Queued, ct);
        if (message is null)
        {
            return false;
        }
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.ContactId && c.AccountId == accountId, ct);
        var channel = ChannelNames.Parse(message.Channel);
        var blocked = contact is null ? "the contact was deleted"
            // An opt-out's confirmation is the one message its DND lets through, and only in its window.
            : message.Purpose == MessagePurpose.OptOutConfirmation
                ? clock.GetUtcNow() > message.NotAfter ? $"its window passed: an opt-out's confirmation may leave only within {OptOutConfirmation.Window.TotalMinutes:0} minutes of it" : null
            : Reachability.BlockedReason(contact, channel);
        if (blocked is null && Reachability.HeldReason(contact!, channel, message.Purpose) is { } held)
        {
            // A possible opt-out came after it was queued: it waits with the channel's other marketing.
            message.Status = MessageStatus.Held;
            message.StatusReason = held;
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return false;
        }
        // The window may have moved since it was queued (the contact's time zone, the account's hours): checked as it leaves.
        if (blocked is null && quietHours.Check(contact!, message.Purpose, sender, clock.GetUtcNow()) is { } wait)
        {
            (message.NotBefore, message.StatusReason) = (wait.NotBefore, wait.Reason);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return false;
        }
        if (blocked is not null)
        {
            message.Status = MessageStatus.Cancelled;
            message.StatusReason = blocked;
            message.LedgerSequence = await db.Ledger.Where(l => l.ContactId == message.ContactId && l.Channel == message.Channel && l.Verdict == "Applied")
                .OrderByDescending(l => l.Sequence).Select(l => (long?)l.Sequence).FirstOrDefaultAsync(ct);
        }
        else
        {
            await transport!.DeliverAsync(message, contact!, ct);
            message.Status = MessageStatus.Sent;
            if (message.StatusReason?.StartsWith(QuietHoursWait.Prefix, StringComparison.Ordinal) == true)
            {
                message.StatusReason = null;
            }
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return blocked is null;
    }
}
