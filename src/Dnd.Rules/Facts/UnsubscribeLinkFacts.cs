using Dnd.Rules.Consent;

namespace Dnd.Rules.Facts;

public sealed record UnsubscribeLinkFacts(UnsubscribeScope Scope);
