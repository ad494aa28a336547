namespace Dnd.Rules.Consent;

/// <summary>Per-channel DND state, ordered by strength.</summary>
public enum DndStatus
{
    /// <summary>Messages may be sent.</summary>
    Inactive = 0,

    /// <summary>Blocked; a user may lift it.</summary>
    Active = 1,

    /// <summary>Blocked; only the contact (opt-in keyword, consent form) may lift it, never a user.</summary>
    Permanent = 2,
}
