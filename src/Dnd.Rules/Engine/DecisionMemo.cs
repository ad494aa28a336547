using System.Collections.Concurrent;

namespace Dnd.Rules.Engine;

/// <summary>
/// Remembers answers of pure rule workflows by their full facts. Safe because the rule expressions read nothing but
/// the facts; bounded so attacker-chosen inputs cannot grow it without limit (past the cap, answers are just not kept).
/// </summary>
internal sealed class DecisionMemo<TFacts, TAnswer>(int capacity) where TFacts : notnull
{
    private readonly ConcurrentDictionary<TFacts, TAnswer> _answers = new();

    public bool TryGet(TFacts facts, out TAnswer answer) => _answers.TryGetValue(facts, out answer!);

    public void Remember(TFacts facts, TAnswer answer)
    {
        if (_answers.Count < capacity)
        {
            _answers.TryAdd(facts, answer);
        }
    }
}
