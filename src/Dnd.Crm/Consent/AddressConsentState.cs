using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Consent;

/// <summary>An address's consent record with its channel states read out; written back on every change.</summary>
public sealed class AddressConsentState(AddressConsentRecord record)
{
    private readonly Dictionary<string, ChannelDnd> _states =
        JsonSerializer.Deserialize<Dictionary<string, ChannelDnd>>(record.StatesJson, AccountSettingsJson.Options) ?? new();

    public AddressConsentRecord Record => record;

    public string Address => record.Address;

    public ChannelDnd this[Channel channel] => _states.GetValueOrDefault(channel.ToWire()) ?? ChannelDnd.Off;

    public void Set(Channel channel, ChannelDnd state, DateTimeOffset at)
    {
        _states[channel.ToWire()] = state;
        record.StatesJson = JsonSerializer.Serialize(_states, AccountSettingsJson.Options);
        record.UpdatedAt = at;
    }

    public IEnumerable<KeyValuePair<Channel, ChannelDnd>> Channels(AddressKind kind) =>
        ChannelNames.All.Where(c => c.Address() == kind).Select(c => KeyValuePair.Create(c, this[c]));
}
