using Dnd.Rules.Consent;

namespace Dnd.Rules.Policy;

/// <summary>The override rules' answer to a <see cref="ChangeRequest"/>.</summary>
public sealed record Judgement(Verdict Verdict, string Rule, string Reason);
