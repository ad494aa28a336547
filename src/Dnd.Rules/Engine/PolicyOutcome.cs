using Dnd.Rules.Consent;

namespace Dnd.Rules.Engine;

/// <summary>An override rule's Properties, parsed once at load.</summary>
internal sealed record PolicyOutcome(Verdict Verdict, string Reason)
{
    public static PolicyOutcome Parse(string workflow, string rule, IReadOnlyDictionary<string, object>? props)
    {
        if (props is null)
        {
            throw new RuleSetException($"{workflow}/{rule}: missing Properties (verdict, reason)");
        }
        if (!Enum.TryParse<Verdict>(ClassifierOutcome.Text(props, "verdict"), ignoreCase: true, out var verdict))
        {
            throw new RuleSetException($"{workflow}/{rule}: Properties.verdict must be Applied, Unchanged or Denied");
        }
        var reason = ClassifierOutcome.Text(props, "reason")
            ?? throw new RuleSetException($"{workflow}/{rule}: Properties.reason is required");
        return new PolicyOutcome(verdict, reason);
    }
}
