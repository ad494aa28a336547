using Dnd.Rules.Consent;
using Dnd.Rules.Policy;
using NRules.RuleModel;

namespace Dnd.Rules.Facts;

/// <summary>The fact an override rule matches: the change request and a write-once slot for the judgement.</summary>
public sealed class RequestDecision(ChangeRequestFacts request)
{
    public ChangeRequestFacts Request { get; } = request;

    public Judgement? Judgement { get; private set; }

    public void Decide(IContext ctx, Verdict verdict, string reason) => Judgement ??= new Judgement(verdict, ctx.Rule.Name, reason);
}
