namespace Dnd.Crm.Delivery;

/// <summary>Whether a provider holds a message we claimed but have no answer for (a crash in between).</summary>
public enum HandOverFound
{
    /// <summary>It has it: the message was sent (<see cref="HandOverLookup.ProviderMessageId"/>).</summary>
    Found,

    /// <summary>It surely has not: the message may be sent now without a second copy.</summary>
    NotFound,

    /// <summary>It cannot say (SMTP keeps no record we can ask, or the provider did not answer).</summary>
    CannotTell,
}

public sealed record HandOverLookup(HandOverFound Answer, string? ProviderMessageId = null)
{
    public static readonly HandOverLookup NotFound = new(HandOverFound.NotFound);
    public static readonly HandOverLookup CannotTell = new(HandOverFound.CannotTell);
}
