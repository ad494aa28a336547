namespace Dnd.Activities.Triggers;

/// <param name="Enabled">True when the channel became blocked, false when it was lifted.</param>
public sealed record DndChangedPayload(string Channel, bool Enabled, string Status);
