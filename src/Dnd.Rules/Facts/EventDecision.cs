using NRules.RuleModel;
using Dnd.Rules.Data;

namespace Dnd.Rules.Facts;

/// <summary>
/// The fact a classifier rule matches: the event's facts and a write-once slot for the answer. Every matching rule
/// fires, highest priority first, and only the first one's answer is kept: the rules keep "first match wins".
/// A class, not a record, so that NRules tells facts apart by identity.
/// </summary>
public sealed class EventDecision<TFacts>(TFacts facts) where TFacts : notnull
{
    public TFacts Facts { get; } = facts;

    /// <summary>The deciding rule's name (or the data entry's, for a rule that reads a table); null when none matched.</summary>
    public string? Rule { get; private set; }

    public ClassifierOutcome? Outcome { get; private set; }

    public void Decide(IContext ctx, ClassifierOutcome outcome) => Decide(ctx.Rule.Name, outcome);

    public void Decide(string rule, ClassifierOutcome outcome)
    {
        if (Rule is null)
        {
            (Rule, Outcome) = (rule, outcome);
        }
    }
}
