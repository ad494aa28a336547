using Dnd.Rules.Events;
using Dnd.Rules.Data;

namespace Dnd.Rules.Policy;

/// <summary>
/// The two decisions behind every DND change: what an event asks for, and whether each requested change is allowed.
/// The product runs <see cref="Engine.NRulesPolicy"/>; the seam exists so the same engine can be benchmarked
/// against a hand-written policy.
/// </summary>
public interface IDndPolicy
{
    ValueTask<Classification> ClassifyAsync(ConsentEvent evt, AccountSettings settings);

    ValueTask<Judgement> JudgeAsync(ChangeRequest request);
}
