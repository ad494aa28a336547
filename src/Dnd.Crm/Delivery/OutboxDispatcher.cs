using System.Diagnostics;
using System.Threading.Channels;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Persistence;
using Dnd.Shared.Telemetry;
using Dnd.Shared.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Delivers the outbox. Each pass: messages whose hand-over got no answer before a crash or timeout are looked up at
/// their provider (<see cref="OutboxRecovery"/>); due messages are judged and claimed in their account's write
/// (<see cref="OutboxClaims"/>: consent, review holds, quiet hours and the integration are checked there, so no opt-out
/// commits between the check and the claim); the claimed are handed to their providers concurrently, outside any
/// write; and the answers are recorded in the account's write (<see cref="OutboxAnswers"/>). Runs only where a
/// transport is registered; without one, messages stay queued.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MessagingOptions> options, QuietHoursPolicy quietHours,
    ILogger<OutboxDispatcher> logger, IMessageTransport? transport = null) : BackgroundService
{
    /// <summary>How long answers gather before they are recorded together.</summary>
    private static readonly TimeSpan RecordEvery = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (transport is null)
        {
            logger.LogInformation("No message transport is registered: outbound messages stay queued in the outbox.");
            return;
        }
        await WorkerLoop.RunAsync(async ct =>
        {
            // A full batch means more are due: go straight on rather than wait a poll interval.
            if (await DispatchPendingAsync(ct) < options.Value.DeliveryBatch)
            {
                await Task.Delay(options.Value.PollInterval, clock, ct);
            }
        }, e => logger.LogError(e, "Outbox pass failed; retrying"), options.Value.PollInterval, clock, stoppingToken);
    }

    /// <returns>How many messages were handed to a provider in this pass (accepted or not).</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        if (transport is null)
        {
            return 0;
        }
        await new OutboxRecovery(scopes, clock, options.Value, transport).RecoverAsync(ct);
        List<(string Id, string AccountId, string? TraceParent)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = (await OutboxQueries.Due(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), clock.GetUtcNow())
                    .Select(m => new { m.Id, m.AccountId, m.TraceParent }).Take(options.Value.DeliveryBatch).ToListAsync(ct))
                .Select(m => (m.Id, m.AccountId, m.TraceParent)).ToList();
        }
        var claims = new OutboxClaims(scopes, clock, options.Value, quietHours, transport);
        // Answers are recorded as they come, a few hundred or a fraction of a second at a time, not once the whole
        // batch is over: a crash then loses only the answers of that moment (found again by the lookup).
        var answers = Channel.CreateUnbounded<(OutboxClaim Claim, DeliveryOutcome Outcome)>(new UnboundedChannelOptions { SingleReader = true });
        // Not cancelled by a stop: a provider that answered has the message, and its answer is recorded before the process ends.
        var recording = RecordAsync(answers.Reader, CancellationToken.None);
        try
        {
            // A stop hands back what was claimed but never handed over, for another host (or this one restarted) to
            // send at once rather than after the lease and a lookup. A hand-over the stop's time limit cuts off may have
            // reached its provider: it stays sending, and the lookup after the lease (OutboxRecovery) finds out, so it
            // is never sent twice.
            return await ClaimedWork.RunAsync<OutboxClaim>(async claimed =>
                {
                    foreach (var account in due.GroupBy(d => d.AccountId))
                    {
                        // One write claims messages of many traces: the first message's trace is the claim's parent, the others its links.
                        using var span = TraceParents.Start("dnd.outbox.claim", ActivityKind.Internal, account.Select(d => d.TraceParent));
                        span?.SetTag("dnd.batch.size", account.Count());
                        claimed.AddRange(await claims.ClaimAsync(account.Key, account.Select(d => d.Id).ToList(), ct));
                    }
                }, options.Value.DeliveryConcurrency,
                async claim => await answers.Writer.WriteAsync((claim, await HandOverAsync(claim, CancellationToken.None)), CancellationToken.None),
                claims.ReleaseAsync, ct);
        }
        finally
        {
            answers.Writer.Complete();
            await recording;
        }
    }

    private async Task RecordAsync(ChannelReader<(OutboxClaim Claim, DeliveryOutcome Outcome)> answers, CancellationToken ct)
    {
        var record = new OutboxAnswers(scopes, clock, options.Value);
        var batch = new List<(OutboxClaim Claim, DeliveryOutcome Outcome)>();
        while (await answers.WaitToReadAsync(ct))
        {
            // Whatever has arrived, and what arrives within a short while after it: one write per account for all of it.
            using (var gather = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                gather.CancelAfter(RecordEvery);
                try
                {
                    while (batch.Count < options.Value.DeliveryBatch && await answers.WaitToReadAsync(gather.Token))
                    {
                        while (batch.Count < options.Value.DeliveryBatch && answers.TryRead(out var answer))
                        {
                            batch.Add(answer);
                        }
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The short while is over: record what there is.
                }
            }
            foreach (var account in batch.GroupBy(a => a.Claim.Letter.AccountId))
            {
                await record.RecordAsync(account.Key, account.ToList(), ct);
            }
            batch.Clear();
        }
    }

    private async Task<DeliveryOutcome> HandOverAsync(OutboxClaim claim, CancellationToken ct)
    {
        var letter = claim.Letter;
        var provider = claim.Connection.Provider;
        using var scope = logger.BeginScope(LogFields.Ids(letter.AccountId, claim.ContactId, letter.MessageId));
        // In the trace that queued the message (a workflow's step, an opt-out's webhook), not the pass's.
        using var activity = TraceParents.Start("dnd.outbox.handover", ActivityKind.Client, claim.TraceParent);
        activity?.SetTag("dnd.provider", provider).SetTag("dnd.channel", Dnd.Rules.Consent.ChannelNames.ToWire(letter.Channel));
        var started = Stopwatch.GetTimestamp();
        DeliveryOutcome outcome;
        try
        {
            outcome = await transport!.SendAsync(claim.Connection, letter, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A transport's own fault: whether the provider took it is unknown, so it is looked up before any resend.
            logger.LogError(e, "Hand-over of message {MessageId} failed", letter.MessageId);
            outcome = DeliveryOutcome.Unanswered(e.Message);
        }
        Measure(provider, outcome, Stopwatch.GetElapsedTime(started), activity);
        return outcome;
    }

    private static void Measure(string provider, DeliveryOutcome outcome, TimeSpan took, Activity? activity)
    {
        var kind = outcome.Kind.ToString().ToLowerInvariant();
        DndMetrics.DispatchDuration.Record(took.TotalSeconds, new("provider", provider), new("outcome", kind));
        if (outcome.Kind != DeliveryKind.Accepted)
        {
            // The provider's code (Twilio's 21610, Mailgun's HTTP status) or, without one, what kind of failure it was.
            DndMetrics.DispatchFailures.Add(1, new("provider", provider), new("code", outcome.Code ?? kind));
        }
        activity?.SetTag("dnd.outcome", kind).SetTag("dnd.code", outcome.Code);
        if (outcome.Kind != DeliveryKind.Accepted)
        {
            activity?.SetStatus(ActivityStatusCode.Error, kind);
        }
    }
}
