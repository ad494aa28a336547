using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>One channel of an address's consent; code and message are "" where there is none, as on a contact.</summary>
public sealed record AddressChannelDto(string Status, string Code, string Message, bool SpamLock, DateTimeOffset? ChangedAt)
{
    public static AddressChannelDto From(ChannelDnd state) =>
        new(state.Status.ToWire(), state.Code ?? "", state.Message ?? "", state.SpamLock, state.ChangedAt);
}
