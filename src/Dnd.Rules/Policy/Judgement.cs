using Dnd.Rules.Consent;

namespace Dnd.Rules.Policy;

/// <summary>The override rules' answer to a <see cref="ChangeRequest"/>.</summary>
public sealed record Judgement(Verdict Verdict, string Rule, string Reason)
{
    /// <summary>Every override rule that fired on the request, in firing order; the first one decided.</summary>
    public IReadOnlyList<string> Fired { get; init; } = [];
}
