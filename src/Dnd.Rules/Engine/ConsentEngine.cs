using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Policy;
using Dnd.Rules.Data;

namespace Dnd.Rules.Engine;

/// <summary>
/// Applies events to a contact: the policy classifies the event, judges each channel's change against the
/// override rules, and every judgement (applied, unchanged or denied) is appended to the contact's ledger.
/// </summary>
public sealed class ConsentEngine(IDndPolicy policy, TimeProvider clock)
{
    /// <summary>The policy line of a possible opt-out's channel that now waits for staff.</summary>
    public const string QueuedForReviewRule = "PossibleOptOutQueuedForReview";

    /// <summary>The policy line of a possible opt-out's channel that already blocks: nothing to review.</summary>
    public const string AlreadyBlockedRule = "PossibleOptOutAlreadyBlocked";

    public ConsentEngine(DndRuleSet rules) : this(new NRulesPolicy(rules), TimeProvider.System)
    {
    }

    public IDndPolicy Policy => policy;

    public async ValueTask<ConsentDecision> ApplyAsync(ContactConsent contact, ConsentEvent evt, AccountSettings settings)
    {
        var at = clock.GetUtcNow();
        var description = evt.Describe();
        var classification = await policy.ClassifyAsync(evt, settings);
        if (classification.Kind == ChangeKind.None)
        {
            var entry = contact.Append(at, description, evt.Actor, null, Verdict.Unchanged, null, null,
                classification.Rule, null, $"No DND change. {classification.Rule}: {classification.Message}.", classification.Fired,
                evt.Proof, evt.ActedBy, evt.ClientIp);
            return new ConsentDecision(description, classification, [], [entry]);
        }
        if (classification.Kind == ChangeKind.Review)
        {
            return Review(contact, evt, classification, at, description);
        }

        var outcomes = new List<ChannelOutcome>(classification.Channels.Count);
        var entries = new List<ConsentLedgerEntry>(classification.Channels.Count);
        foreach (var channel in classification.Channels)
        {
            var before = contact[channel];
            var request = new ChangeRequest(evt.Actor, classification.Kind, channel, classification.Target, classification.SpamLock, before,
                evt.Proof is not null, !string.IsNullOrWhiteSpace(evt.Note), evt.ViaLink);
            var judgement = await policy.JudgeAsync(request);
            var after = judgement.Verdict == Verdict.Applied ? NextState(classification, evt, at) : before;
            contact.Set(channel, after);
            outcomes.Add(new ChannelOutcome(channel, judgement.Verdict, before, after, judgement.Rule, judgement.Reason));
            entries.Add(contact.Append(at, description, evt.Actor, channel, judgement.Verdict, before.Status, after.Status,
                classification.Rule, judgement.Rule, Explain(channel, judgement, before, after, classification), [.. classification.Fired, .. judgement.Fired],
                evt.Proof, evt.ActedBy, evt.ClientIp));
        }
        return new ConsentDecision(description, classification, outcomes, entries);
    }

    /// <summary>Inbound DND is the account's own call, so no override rule stands between a user and it.</summary>
    public ConsentLedgerEntry SetInbound(ContactConsent contact, bool active, string by, string? message = null)
    {
        var at = clock.GetUtcNow();
        var verdict = contact.Inbound.Active == active ? Verdict.Unchanged : Verdict.Applied;
        if (verdict == Verdict.Applied)
        {
            contact.SetInbound(new InboundDnd(active, message, at));
        }
        var state = active ? "on" : "off";
        return contact.Append(at, $"user.inbound-dnd {state} by {by}", Actor.User, null, verdict, null, null,
            "UserSetsInboundDnd", null, $"Inbound DND {(verdict == Verdict.Applied ? "turned" : "already")} {state} by {by}.");
    }

    /// <summary>
    /// Records a decision about the contact that changes no DND (staff dismissing a possible opt-out): the ledger
    /// explains every decision, including the ones that leave the contact as they were.
    /// </summary>
    public ConsentLedgerEntry Note(ContactConsent contact, Channel channel, string evt, Actor actor, string rule, string why, string? actedBy)
    {
        var status = contact[channel].Status;
        return contact.Append(clock.GetUtcNow(), evt, actor, channel, Verdict.Unchanged, status, status, rule, null,
            $"{channel.ToWire()} stays {status}. {rule}: {why}.", actedBy: actedBy);
    }

    /// <summary>
    /// Makes a channel show a state decided elsewhere: the shared consent of the contact's phone or email, set by
    /// a decision on another contact or carried from an address the contact has just been given. The rules already
    /// judged that change where it was made; this records that it reached this contact. Nothing is written (null)
    /// when the channel is already in that status.
    /// </summary>
    public ConsentLedgerEntry? Adopt(ContactConsent contact, Channel channel, ChannelDnd state, string evt, string rule, string why)
    {
        var before = contact[channel];
        if (before.Status == state.Status && before.SpamLock == state.SpamLock)
        {
            return null;
        }
        contact.Set(channel, state);
        var wire = channel.ToWire();
        return contact.Append(clock.GetUtcNow(), evt, Actor.System, channel, Verdict.Applied, before.Status, state.Status, rule, null,
            $"{wire} {before.Status}→{state.Status}. {rule}: {why}.");
    }

    /// <summary>
    /// A possible opt-out changes nothing; each channel's line says whether it now waits for staff (the caller queues
    /// it) or already blocks, when there is nothing left to review.
    /// </summary>
    private static ConsentDecision Review(ContactConsent contact, ConsentEvent evt, Classification c, DateTimeOffset at, string description)
    {
        var outcomes = new List<ChannelOutcome>(c.Channels.Count);
        var entries = new List<ConsentLedgerEntry>(c.Channels.Count);
        foreach (var channel in c.Channels)
        {
            var state = contact[channel];
            var (rule, reason) = state.Blocks
                ? (AlreadyBlockedRule, $"{channel.ToWire()} DND is already {state.Status}, so there is nothing to review")
                : (QueuedForReviewRule, "nothing changes until staff confirm or dismiss it; marketing on this channel is held meanwhile");
            outcomes.Add(new ChannelOutcome(channel, Verdict.Unchanged, state, state, rule, reason));
            entries.Add(contact.Append(at, description, evt.Actor, channel, Verdict.Unchanged, state.Status, state.Status, c.Rule, rule,
                $"{channel.ToWire()}: possible opt-out. {c.Rule}: {c.Message}. {rule}: {reason}.", c.Fired, evt.Proof, evt.ActedBy, evt.ClientIp));
        }
        return new ConsentDecision(description, c, outcomes, entries);
    }

    private static ChannelDnd NextState(Classification c, ConsentEvent evt, DateTimeOffset at) => c.Kind == ChangeKind.Set
        ? new ChannelDnd(c.Target, c.Code, evt.Note ?? c.Message, evt.Source, at, c.SpamLock)
        : new ChannelDnd(DndStatus.Inactive, null, evt.Note ?? c.Message, evt.Source, at);

    private static string Explain(Channel channel, Judgement j, ChannelDnd before, ChannelDnd after, Classification c) =>
        $"{channel.ToWire()} {before.Status}→{after.Status} ({j.Verdict}). {c.Rule}: {c.Message}. {j.Rule}: {j.Reason}.";
}
