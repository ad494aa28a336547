namespace Dnd.Crm.Integrations;

/// <summary>Which provider carries a channel for an account, or why none does.</summary>
/// <param name="Reason">"integration disconnected" when one was connected and no longer is; "no … integration connected" when none ever was.</param>
/// <param name="Holds">Sends on the channel wait (held) rather than stay queued: its integration was disconnected.</param>
public sealed record ConnectionLookup(ProviderConnection? Connection, string? Reason, bool Holds);
