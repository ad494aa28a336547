using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Facts;
using Dnd.Rules.Policy;
using RulesEngine.Models;

namespace Dnd.Rules.Engine;

/// <summary>
/// Decides DND with Microsoft RulesEngine over the JSON rule files. Within a workflow the first matching rule,
/// in file order, wins; a workflow where nothing matches changes nothing (classifier) or refuses (override policy).
/// </summary>
public sealed class RulesEnginePolicy : IDndPolicy
{
    private readonly DndRuleSet _rules;
    private readonly RulesEngine.RulesEngine _engine;
    private readonly DecisionMemo<ChangeRequestFacts, Judgement>? _judgements;
    private readonly DecisionMemo<object, RuleMatch>? _classifications;

    /// <param name="memoize">
    /// Remember which rule matched each distinct set of facts. The rules read nothing but their facts, so the answer
    /// for equal facts is always the same; inbound messages are not remembered (their bodies are unbounded).
    /// </param>
    public RulesEnginePolicy(DndRuleSet rules, bool memoize = true)
    {
        _rules = rules;
        _judgements = memoize ? new DecisionMemo<ChangeRequestFacts, Judgement>(capacity: 4096) : null;
        _classifications = memoize ? new DecisionMemo<object, RuleMatch>(capacity: 4096) : null;
        _engine = new RulesEngine.RulesEngine(rules.Workflows.ToArray(), new ReSettings
        {
            // An expression that throws must surface, not read as "rule did not match".
            EnableExceptionAsErrorMessage = true,
            IgnoreException = false,
            EnableScopedParams = false,
        });
        CompileAll();
    }

    public async ValueTask<Classification> ClassifyAsync(ConsentEvent evt, AccountSettings settings)
    {
        var (workflow, facts) = ToFacts(evt, settings);
        var memo = facts is InboundMessageFacts ? null : _classifications;
        if (memo is null || !memo.TryGet(facts, out var match))
        {
            match = new RuleMatch(await FirstMatchAsync(workflow, RuleWorkflows.EventParameter, facts));
            memo?.Remember(facts, match);
        }
        var rule = match.Rule;
        if (rule is null)
        {
            return Classification.Nothing("NoRuleMatched", $"no {workflow} rule matched");
        }
        var outcome = _rules.Classifier(workflow, rule);
        var channels = outcome.Change == ChangeKind.None ? [] : outcome.Channels switch
        {
            ClassifierOutcome.AllChannels => ChannelNames.All,
            ClassifierOutcome.EventChannels => EventChannels(evt),
            var name => [ChannelNames.Parse(name)],
        };
        return new Classification(rule, outcome.Change, channels, outcome.Status, outcome.Code, outcome.Message, outcome.SpamLock);
    }

    public async ValueTask<Judgement> JudgeAsync(ChangeRequest request)
    {
        var facts = new ChangeRequestFacts(
            request.Actor.ToString(),
            request.Kind.ToString(),
            request.Channel.ToWire(),
            request.Target.ToString(),
            request.SpamLock,
            request.Current.Status.ToString(),
            request.Current.Code ?? string.Empty,
            request.Current.SpamLock);
        if (_judgements is not null && _judgements.TryGet(facts, out var known))
        {
            return known;
        }
        var rule = await FirstMatchAsync(RuleWorkflows.OverridePolicy, RuleWorkflows.RequestParameter, facts);
        var judgement = new Judgement(Verdict.Denied, "NoOverrideRuleMatched", "no override rule allows this change");
        if (rule is not null)
        {
            var outcome = _rules.Policy(rule);
            judgement = new Judgement(outcome.Verdict, rule, outcome.Reason);
        }
        _judgements?.Remember(facts, judgement);
        return judgement;
    }

    private static (string Workflow, object Facts) ToFacts(ConsentEvent evt, AccountSettings settings) => evt switch
    {
        TwilioSmsStatusEvent e => (RuleWorkflows.TwilioSmsStatus,
            new TwilioSmsStatusFacts(e.MessageStatus.Trim().ToLowerInvariant(), e.ErrorCode?.Trim() ?? string.Empty)),
        InboundMessageEvent e => (RuleWorkflows.InboundMessage, new InboundMessageFacts(
            e.Channel.ToWire(),
            KeywordNormalizer.Normalize(e.Body),
            settings.OptOutKeywords.Select(KeywordNormalizer.Normalize).ToArray(),
            settings.OptInKeywords.Select(KeywordNormalizer.Normalize).ToArray(),
            settings.KeywordChannels.Select(c => c.ToWire()).ToArray(),
            e.OptOutType?.Trim().ToUpperInvariant() ?? string.Empty)),
        MailgunEvent e => (RuleWorkflows.MailgunEvent, new MailgunEventFacts(
            Lower(e.Event), Lower(e.Severity), Lower(e.Reason), settings.UnsubscribeScope.ToString())),
        UserDndChange e => (RuleWorkflows.UserDndChange, new UserDndChangeFacts(e.Enable, e.Channel?.ToWire() ?? "all", e.Enable && e.Permanent)),
        FormSubmissionEvent e => (RuleWorkflows.FormSubmission, new FormSubmissionFacts(e.FormId, e.ExplicitConsent)),
        UnsubscribeLinkEvent => (RuleWorkflows.UnsubscribeLink, new UnsubscribeLinkFacts(settings.UnsubscribeScope.ToString())),
        _ => throw new ArgumentException($"No rule workflow handles {evt.GetType().Name}", nameof(evt)),
    };

    private static string Lower(string? s) => s?.Trim().ToLowerInvariant() ?? string.Empty;

    private static IReadOnlyList<Channel> EventChannels(ConsentEvent evt) => evt switch
    {
        InboundMessageEvent e => [e.Channel],
        UserDndChange { Channel: { } c } => [c],
        UserDndChange => ChannelNames.All,
        _ => throw new RuleSetException($"{evt.Kind} names no channel"),
    };

    private async ValueTask<string?> FirstMatchAsync(string workflow, string parameter, object facts)
    {
        var results = await _engine.ExecuteAllRulesAsync(workflow, new RuleParameter(parameter, facts));
        string? first = null;
        foreach (var result in results)
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new RuleSetException($"{workflow}/{result.Rule.RuleName} failed: {result.ExceptionMessage}");
            }
            if (result.IsSuccess && first is null)
            {
                first = result.Rule.RuleName;
            }
        }
        return first;
    }

    /// <summary>Runs every workflow once on neutral facts so a rule that does not compile fails at start-up.</summary>
    private void CompileAll()
    {
        object Sample(string workflow) => workflow switch
        {
            RuleWorkflows.TwilioSmsStatus => new TwilioSmsStatusFacts("", ""),
            RuleWorkflows.InboundMessage => new InboundMessageFacts("", "", [], [], [], ""),
            RuleWorkflows.MailgunEvent => new MailgunEventFacts("", "", "", ""),
            RuleWorkflows.UserDndChange => new UserDndChangeFacts(false, "", false),
            RuleWorkflows.FormSubmission => new FormSubmissionFacts("", false),
            RuleWorkflows.UnsubscribeLink => new UnsubscribeLinkFacts(""),
            _ => new ChangeRequestFacts("", "", "", "", false, "", "", false),
        };
        foreach (var workflow in RuleWorkflows.All)
        {
            var parameter = workflow == RuleWorkflows.OverridePolicy ? RuleWorkflows.RequestParameter : RuleWorkflows.EventParameter;
            FirstMatchAsync(workflow, parameter, Sample(workflow)).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Boxes "no rule matched" (null) so the memo can remember it too.</summary>
    private sealed record RuleMatch(string? Rule);
}
