namespace Dnd.Rules.Consent;

/// <summary>The DND state of one channel and why it is so.</summary>
/// <param name="SpamLock">Set by a spam complaint; nothing and nobody lifts it.</param>
public sealed record ChannelDnd(
    DndStatus Status,
    string? Code,
    string? Message,
    string? Source,
    DateTimeOffset? ChangedAt,
    bool SpamLock = false)
{
    public static ChannelDnd Off { get; } = new(DndStatus.Inactive, null, null, null, null);

    public bool Blocks => Status != DndStatus.Inactive;

    /// <summary>Orders states by how hard they are to lift: a spam lock above any status.</summary>
    public int Strength => SpamLock ? (int)DndStatus.Permanent + 1 : (int)Status;
}
