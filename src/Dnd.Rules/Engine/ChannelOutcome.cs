using Dnd.Rules.Consent;

namespace Dnd.Rules.Engine;

/// <summary>What happened to one channel in a decision.</summary>
public sealed record ChannelOutcome(Channel Channel, Verdict Verdict, ChannelDnd Before, ChannelDnd After, string PolicyRule, string Reason);
