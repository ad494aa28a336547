using Dnd.Rules.Consent;
using Dnd.Rules.Policy;

namespace Dnd.Rules.Engine;

/// <summary>The full answer to one event: the classifying rule, each channel's outcome, and the ledger lines written.</summary>
public sealed record ConsentDecision(
    string Event,
    Classification Classification,
    IReadOnlyList<ChannelOutcome> Outcomes,
    IReadOnlyList<ConsentLedgerEntry> Entries)
{
    public bool Changed => Outcomes.Any(o => o.Verdict == Verdict.Applied);

    public string Explanation => string.Join(" ", Entries.Select(e => e.Explanation));

    public ChannelOutcome For(Channel channel) => Outcomes.Single(o => o.Channel == channel);
}
