using Dnd.Rules.Consent;

namespace Dnd.Rules.Facts;

/// <param name="LinkChannel">The channel of the message the link came in.</param>
/// <param name="Everything">The contact asked to stop every channel (an SMS link's page offers it).</param>
public sealed record UnsubscribeLinkFacts(UnsubscribeScope Scope, Channel LinkChannel = Channel.Email, bool Everything = false);
