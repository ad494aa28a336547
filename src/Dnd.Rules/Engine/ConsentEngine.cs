using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Policy;

namespace Dnd.Rules.Engine;

/// <summary>
/// Applies events to a contact: the policy classifies the event, judges each channel's change against the
/// override rules, and every judgement (applied, unchanged or denied) is appended to the contact's ledger.
/// </summary>
public sealed class ConsentEngine(IDndPolicy policy, TimeProvider clock)
{
    public ConsentEngine(DndRuleSet rules) : this(new RulesEnginePolicy(rules), TimeProvider.System)
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
                classification.Rule, null, $"No DND change. {classification.Rule}: {classification.Message}.");
            return new ConsentDecision(description, classification, [], [entry]);
        }

        var outcomes = new List<ChannelOutcome>(classification.Channels.Count);
        var entries = new List<ConsentLedgerEntry>(classification.Channels.Count);
        foreach (var channel in classification.Channels)
        {
            var before = contact[channel];
            var request = new ChangeRequest(evt.Actor, classification.Kind, channel, classification.Target, classification.SpamLock, before);
            var judgement = await policy.JudgeAsync(request);
            var after = judgement.Verdict == Verdict.Applied ? NextState(classification, evt, at) : before;
            contact.Set(channel, after);
            outcomes.Add(new ChannelOutcome(channel, judgement.Verdict, before, after, judgement.Rule, judgement.Reason));
            entries.Add(contact.Append(at, description, evt.Actor, channel, judgement.Verdict, before.Status, after.Status,
                classification.Rule, judgement.Rule, Explain(channel, judgement, before, after, classification)));
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
    /// Re-applies a permanent DND remembered for this contact's address (the suppression list). It only ever
    /// strengthens: a channel already at least as strict is left alone and nothing is written (null).
    /// </summary>
    public ConsentLedgerEntry? RestoreSuppressed(ContactConsent contact, Channel channel, ChannelDnd remembered, string address)
    {
        var before = contact[channel];
        if (remembered.Status <= before.Status && (!remembered.SpamLock || before.SpamLock))
        {
            return null;
        }
        var at = clock.GetUtcNow();
        contact.Set(channel, remembered with { Source = "suppression-list", ChangedAt = at });
        var wire = channel.ToWire();
        return contact.Append(at, $"suppression.restore {wire} {address}", Actor.System, channel, Verdict.Applied,
            before.Status, remembered.Status, "SuppressionListRestoresDnd", null,
            $"{wire} {before.Status}→{remembered.Status}. SuppressionListRestoresDnd: {address} opted out ({remembered.Code}) on a contact since deleted.");
    }

    private static ChannelDnd NextState(Classification c, ConsentEvent evt, DateTimeOffset at) => c.Kind == ChangeKind.Set
        ? new ChannelDnd(c.Target, c.Code, evt.Note ?? c.Message, evt.Source, at, c.SpamLock)
        : new ChannelDnd(DndStatus.Inactive, null, evt.Note ?? c.Message, evt.Source, at);

    private static string Explain(Channel channel, Judgement j, ChannelDnd before, ChannelDnd after, Classification c) =>
        $"{channel.ToWire()} {before.Status}→{after.Status} ({j.Verdict}). {c.Rule}: {c.Message}. {j.Rule}: {j.Reason}.";
}
