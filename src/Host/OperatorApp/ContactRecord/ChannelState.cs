using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.ContactScreen;

/// <summary>What unticking a channel takes, which decides how its row behaves.</summary>
public enum DndKind
{
    /// <summary>No DND: ticking sets it.</summary>
    Off,

    /// <summary>Active DND (a user's, a bounce, a carrier's temporary error): unticking lifts it.</summary>
    Temporary,

    /// <summary>The contact's own unsubscribe (<see cref="DndCodes.Unsubscribes"/>): a user lifts it saying why, or with proof of consent.</summary>
    Unsubscribe,

    /// <summary>Permanent DND, the contact's own opt-out: a user lifts it only with proof of consent.</summary>
    Permanent,

    /// <summary>A spam complaint: nobody lifts it.</summary>
    SpamLock,
}

/// <summary>One row of the "Do Not Disturb" section as staff read it: ticked or not, why and since when.</summary>
/// <param name="Why">The reason in words, e.g. "Replied STOP"; null when off.</param>
/// <param name="Detail">What the rule that set it said (the channel's message), shown under the reason.</param>
public sealed record ChannelState(DndKind Kind, string? Why = null, string? Detail = null, DateTimeOffset? Since = null)
{
    public static ChannelState Off { get; } = new(DndKind.Off);

    public bool Blocked => Kind != DndKind.Off;

    /// <summary>"Replied STOP · permanent", "Carrier error 30003 · temporary", "Marked as spam · locked"; null when off or when there is nothing to say why.</summary>
    public string? Summary => Blocked && Why is not null ? $"{Why} · {DndWords.Lasting(Kind)}" : null;

    public static ChannelState From(ChannelDnd dnd)
    {
        if (!dnd.Blocks)
        {
            return Off;
        }
        var kind = dnd.SpamLock ? DndKind.SpamLock
            : dnd.Status == DndStatus.Permanent ? DndKind.Permanent
            : dnd.Code is { } code && DndCodes.Unsubscribes.Contains(code) ? DndKind.Unsubscribe
            : DndKind.Temporary;
        return new ChannelState(kind, DndWords.Why(dnd), dnd.Message, dnd.ChangedAt);
    }

    /// <summary>Inbound DND: a user's switch, lifted by unticking.</summary>
    public static ChannelState From(InboundDnd inbound) =>
        inbound.Active ? new ChannelState(DndKind.Temporary, "Set by a user", inbound.Message, inbound.ChangedAt) : Off;
}
