using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.ContactScreen;

/// <summary>What a row of the "Do Not Disturb" section changes: one channel, every channel, or inbound DND.</summary>
public readonly record struct DndTarget(Channel? Channel, bool Inbound)
{
    public static DndTarget All => new(null, false);

    public static DndTarget InboundDnd => new(null, true);

    public static DndTarget Of(Channel channel) => new(channel, false);

    public string Label => Inbound ? "Inbound calls and SMS" : Channel is { } c ? DndChannels.Label(c) : "All channels";
}

/// <summary>
/// A change staff ask for on the contact record, said as the API's contact update says it (dnd, dndSettings,
/// inboundDndSettings), so it takes the API's path: the same validation, the same applier, the same rules.
/// </summary>
/// <param name="Reason">The user's reason, kept on the ledger line (what lifts an unsubscribe).</param>
/// <param name="Proof">Proof of the contact's consent, which lifts a permanent DND (with <see cref="Enable"/> false).</param>
public sealed record DndChange(DndTarget Target, bool Enable, string? Reason = null, ConsentProofRequest? Proof = null)
{
    public ContactWriteRequest ToRequest()
    {
        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var status = Enable ? "active" : "inactive";
        if (Target.Inbound)
        {
            return new ContactWriteRequest { InboundDndSettings = new InboundDndSettingsRequest { All = new InboundDndSettingRequest(status, reason) } };
        }
        if (Target.Channel is not { } channel)
        {
            return new ContactWriteRequest { Dnd = Enable };
        }
        return new ContactWriteRequest
        {
            DndSettings = new Dictionary<string, DndSettingRequest> { [channel.ToWire()] = new(status, reason, ConsentProof: Proof) },
        };
    }
}

/// <summary>How a change went, in words for a snackbar (and for the dialog that asked for it, when refused).</summary>
/// <param name="Refused">A rule denied it, or it needs what only the user can give (a reason, proof of consent).</param>
public sealed record DndChangeOutcome(bool Refused, string Message)
{
    /// <summary>
    /// Summarises the rules' decisions: what was applied and, above all, what was denied and why. A change of every
    /// channel names the channel of each denial (the rest may have gone through).
    /// </summary>
    public static DndChangeOutcome From(string label, IReadOnlyList<DndDecisionDto> decisions)
    {
        var denied = decisions.Where(d => d.Verdict == nameof(Verdict.Denied)).ToList();
        var applied = decisions.Where(d => d.Verdict == nameof(Verdict.Applied)).ToList();
        var several = decisions.Select(d => d.Channel).Distinct().Count() > 1;
        string Said(DndDecisionDto d) => several && d.Channel is { } wire ? $"{ChannelLabel(wire)}: {Reason(d)}" : Reason(d);
        if (denied.Count > 0)
        {
            var deniedOn = string.Join(" ", denied.Select(Said));
            return applied.Count == 0
                ? new DndChangeOutcome(true, $"{label}: denied. {deniedOn}")
                : new DndChangeOutcome(true, $"{label}: applied on {string.Join(", ", applied.Select(d => ChannelLabel(d.Channel)))}, denied on " +
                                             $"{string.Join(", ", denied.Select(d => ChannelLabel(d.Channel)))}. {deniedOn}");
        }
        return applied.Count > 0
            ? new DndChangeOutcome(false, $"{label}: applied. {string.Join(" ", applied.Select(Reason).Distinct())}")
            : new DndChangeOutcome(false, $"{label}: nothing to change. {string.Join(" ", decisions.Select(Reason).Distinct())}".TrimEnd());
    }

    private static string ChannelLabel(string? wire) => ChannelNames.TryParse(wire, out var channel) ? DndChannels.Label(channel) : wire ?? "inbound";

    /// <summary>
    /// The deciding rule's reason, as the ledger line says it after the rule's name ("... UserMayLiftActive: a user may
    /// lift ..."), capitalised; the whole explanation when the line has no such part.
    /// </summary>
    public static string Reason(DndDecisionDto decision)
    {
        var rule = decision.PolicyRule ?? decision.Rule;
        var at = decision.Explanation.LastIndexOf(rule + ": ", StringComparison.Ordinal);
        var reason = at < 0 ? decision.Explanation : decision.Explanation[(at + rule.Length + 2)..];
        reason = reason.Trim();
        reason = reason.Length > 0 ? char.ToUpperInvariant(reason[0]) + reason[1..] : reason;
        return reason.EndsWith('.') ? reason : reason + ".";
    }
}
