namespace Dnd.Rules.Facts;

/// <param name="Keyword">The normalized body when it is a single word, otherwise empty.</param>
/// <param name="OptOutKeywords">The account's opt-out keywords, upper-cased.</param>
/// <param name="OptInKeywords">The account's opt-in keywords, upper-cased.</param>
/// <param name="KeywordChannels">Wire names of the channels where keywords count.</param>
/// <param name="OptOutType">Twilio Advanced Opt-Out's OptOutType (STOP, START, HELP), trimmed and upper-cased; empty when absent.</param>
public sealed record InboundMessageFacts(
    string Channel,
    string Keyword,
    string[] OptOutKeywords,
    string[] OptInKeywords,
    string[] KeywordChannels,
    string OptOutType);
