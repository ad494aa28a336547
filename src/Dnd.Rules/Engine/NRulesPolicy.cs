using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Events;
using Dnd.Rules.Facts;
using Dnd.Rules.Policy;

namespace Dnd.Rules.Engine;

/// <summary>
/// Decides DND with the NRules rules: one fresh session per decision, holding the event's facts and the tables its
/// rules read. Every matching rule fires, highest priority first; the first one's answer stands. No classifier
/// match changes nothing; no override match refuses (fails closed).
/// </summary>
public sealed class NRulesPolicy : IDndPolicy
{
    private readonly DndRuleSet _rules;
    private readonly DecisionMemo<ChangeRequestFacts, Judgement>? _judgements;
    private readonly DecisionMemo<(object Facts, string? Table), Decided>? _classifications;

    /// <param name="memoize">
    /// Remember the answer for each distinct set of facts. The rules read nothing but their facts and this rule set's
    /// tables, so equal facts always get the same answer; a session costs microseconds, a memo hit nanoseconds.
    /// </param>
    public NRulesPolicy(DndRuleSet rules, bool memoize = true)
    {
        _rules = rules;
        _judgements = memoize ? new DecisionMemo<ChangeRequestFacts, Judgement>(capacity: 4096) : null;
        _classifications = memoize ? new DecisionMemo<(object Facts, string? Table), Decided>(capacity: 4096) : null;
        _ = rules.Factory;
    }

    public ValueTask<Classification> ClassifyAsync(ConsentEvent evt, AccountSettings settings)
    {
        var facts = ToFacts(evt, settings);
        // The account's own table when it has one: part of the memo's key, so no account's answer serves another.
        IRuleTable? table = facts switch
        {
            TwilioSmsStatusFacts => settings.TwilioErrorCodes ?? _rules.TwilioErrorCodes,
            MailgunEventFacts => settings.MailgunEvents ?? _rules.MailgunEvents,
            WhatsAppStatusFacts => _rules.MetaErrorCodes,
            _ => null,
        };
        var key = (facts, table?.Fingerprint);
        if (_classifications is null || !_classifications.TryGet(key, out var decided))
        {
            decided = facts switch
            {
                TwilioSmsStatusFacts f => Classify(f, table),
                MailgunEventFacts f => Classify(f, table),
                WhatsAppStatusFacts f => Classify(f, table),
                InboundMessageFacts f => Classify(f),
                UserDndChangeFacts f => Classify(f),
                FormSubmissionFacts f => Classify(f),
                UnsubscribeLinkFacts f => Classify(f),
                RevocationFacts f => Classify(f),
                PreferenceCenterFacts f => Classify(f),
                _ => throw new ArgumentException($"No rules classify {facts.GetType().Name}", nameof(evt)),
            };
            _classifications?.Remember(key, decided);
        }
        if (decided.Rule is null)
        {
            return new(Classification.Nothing("NoRuleMatched", $"no {evt.Kind} rule matched") with { Fired = decided.Fired });
        }
        var outcome = decided.Outcome!;
        var channels = outcome.Change == ChangeKind.None ? [] : outcome.Channels switch
        {
            ClassifierOutcome.AllChannels => ChannelNames.All,
            ClassifierOutcome.EventChannels => EventChannels(evt, outcome, settings),
            var name => [ChannelNames.Parse(name)],
        };
        return new(new Classification(decided.Rule, outcome.Change, channels, outcome.Status, outcome.Code, outcome.Message, outcome.SpamLock)
        {
            Fired = decided.Fired,
        });
    }

    public ValueTask<Judgement> JudgeAsync(ChangeRequest request)
    {
        var facts = new ChangeRequestFacts(request.Actor, request.Kind, request.Target, request.SpamLock,
            request.Current.Status, request.Current.Code ?? string.Empty, request.Current.SpamLock, request.WithProof, request.WithReason, request.ViaLink);
        if (_judgements is not null && _judgements.TryGet(facts, out var known))
        {
            return new(known);
        }
        var decision = new RequestDecision(facts);
        var fired = Fire(decision, null);
        var judgement = (decision.Judgement ?? new Judgement(Verdict.Denied, "NoOverrideRuleMatched", "no override rule allows this change")) with { Fired = fired };
        _judgements?.Remember(facts, judgement);
        return new(judgement);
    }

    private Decided Classify<TFacts>(TFacts facts, object? table = null) where TFacts : notnull
    {
        var decision = new EventDecision<TFacts>(facts);
        var fired = Fire(decision, table);
        return new Decided(decision.Rule, decision.Outcome, fired);
    }

    /// <summary>Runs a fresh session on the fact (and table); returns the rules that fired, in firing order.</summary>
    private IReadOnlyList<string> Fire(object fact, object? table)
    {
        var session = _rules.Factory.CreateSession();
        var fired = new List<string>(2);
        session.Events.RuleFiredEvent += (_, e) => fired.Add(e.Rule.Name);
        session.Insert(fact);
        if (table is not null)
        {
            session.Insert(table);
        }
        session.Fire();
        return fired;
    }

    private static object ToFacts(ConsentEvent evt, AccountSettings settings) => evt switch
    {
        TwilioSmsStatusEvent e => new TwilioSmsStatusFacts(e.MessageStatus.Trim().ToLowerInvariant(), e.ErrorCode?.Trim() ?? string.Empty),
        WhatsAppStatusEvent e => new WhatsAppStatusFacts(e.Status.Trim().ToLowerInvariant(), e.ErrorCode?.Trim() ?? string.Empty),
        InboundMessageEvent e => InboundMessageFacts.From(e, settings),
        MailgunEvent e => new MailgunEventFacts(MailgunEvents.Lower(e.Event), MailgunEvents.Lower(e.Severity), MailgunEvents.Lower(e.Reason), settings.UnsubscribeScope),
        UserDndChange e => new UserDndChangeFacts(e.Enable, e.Enable && e.Permanent),
        FormSubmissionEvent e => new FormSubmissionFacts(e.ExplicitConsent),
        UnsubscribeLinkEvent link => new UnsubscribeLinkFacts(settings.UnsubscribeScope, link.LinkChannel, link.Everything),
        RevocationRecorded e => new RevocationFacts(e.Method.Trim()),
        PreferenceCenterChange e => new PreferenceCenterFacts(e.Channel is null, e.On, e.Channel == Channel.Email, e.Confirmed),
        _ => throw new ArgumentException($"No rules classify {evt.GetType().Name}", nameof(evt)),
    };

    /// <summary>The event's own channels; a revocation (a contact's opt-out by text, or one staff recorded) adds the account's revocation scope.</summary>
    private static IReadOnlyList<Channel> EventChannels(ConsentEvent evt, ClassifierOutcome outcome, AccountSettings settings) => evt switch
    {
        InboundMessageEvent e when outcome.Change == ChangeKind.Set => [e.Channel, .. settings.RevocationScope.Where(c => c != e.Channel)],
        InboundMessageEvent e => [e.Channel],
        RevocationRecorded e => [.. e.Channels.Union(settings.RevocationScope)],
        UserDndChange { Channel: { } c } => [c],
        UserDndChange => ChannelNames.All,
        PreferenceCenterChange { Channel: { } c } => [c],
        _ => throw new RuleSetException($"{evt.Kind} names no channel"),
    };

    /// <summary>A classifier's answer (a null rule when none matched), memoized with the rules that fired.</summary>
    private sealed record Decided(string? Rule, ClassifierOutcome? Outcome, IReadOnlyList<string> Fired);
}
