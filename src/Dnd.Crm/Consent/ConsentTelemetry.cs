using System.Diagnostics;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Shared.Telemetry;

namespace Dnd.Crm.Consent;

/// <summary>A consent decision's span and counters (dnd.decisions, dnd.optouts); nothing is computed while nobody listens.</summary>
public static class ConsentTelemetry
{
    public static Activity? StartDecision(ConsentEvent evt)
    {
        var activity = DndTelemetry.Source.StartActivity("dnd.consent.decision");
        activity?.SetTag("dnd.source", SourceKind(evt));
        return activity;
    }

    public static void Decided(Activity? activity, ConsentEvent evt, ConsentDecision decision)
    {
        if (activity is null && !DndMetrics.Decisions.Enabled && !DndMetrics.OptOuts.Enabled)
        {
            return;
        }
        var rule = decision.Classification.Rule;
        activity?.SetTag("dnd.rule", rule);
        var source = SourceKind(evt);
        if (decision.Outcomes.Count == 0)
        {
            Count(activity, rule, null, Verdict.Unchanged, null);
        }
        foreach (var outcome in decision.Outcomes)
        {
            Count(activity, rule, outcome.PolicyRule, outcome.Verdict, outcome.Channel);
            if (outcome.Verdict == Verdict.Applied && outcome.After.Blocks && !outcome.Before.Blocks)
            {
                DndMetrics.OptOuts.Add(1, new("channel", outcome.Channel.ToWire()), new("source", source));
            }
        }
    }

    /// <param name="rule">The rule that read the event (InboundOptOutKeyword): what the counter is by.</param>
    /// <param name="policyRule">The override rule that allowed or refused the channel's change, on the span only.</param>
    private static void Count(Activity? activity, string rule, string? policyRule, Verdict verdict, Channel? channel)
    {
        var wire = channel?.ToWire() ?? "none";
        var name = verdict.ToString().ToLowerInvariant();
        DndMetrics.Decisions.Add(1, new("rule", rule), new("verdict", name));
        activity?.AddEvent(new ActivityEvent("dnd.channel.decided", tags: new ActivityTagsCollection
        {
            ["dnd.channel"] = wire, ["dnd.verdict"] = name, ["dnd.policy_rule"] = policyRule,
        }));
        if (activity is not null && channel is not null)
        {
            // The span's own tags say the verdict of its (last) channel, the usual single-channel case at a glance.
            activity.SetTag("dnd.channel", wire).SetTag("dnd.verdict", name);
        }
    }

    /// <summary>"user:ann@example.com" → "user", "inbound:sms" → "inbound": the kind, never who (a tag's values stay few).</summary>
    private static string SourceKind(ConsentEvent evt)
    {
        var source = evt.Source;
        var colon = source.IndexOf(':');
        return colon < 0 ? source : source[..colon];
    }
}
