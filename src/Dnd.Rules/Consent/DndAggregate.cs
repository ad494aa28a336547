namespace Dnd.Rules.Consent;

/// <summary>Summary across all channels: On when every channel is blocked, Off when none is.</summary>
public enum DndAggregate
{
    Off,
    Partial,
    On,
}
