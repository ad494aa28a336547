namespace Dnd.Rules.Facts;

public sealed record UnsubscribeLinkFacts(string UnsubscribeScope);
