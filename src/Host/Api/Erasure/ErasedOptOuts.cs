using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Erasure;

/// <summary>
/// What of an address's consent outlives its contact's erasure: each of its channels that blocks now, or that an
/// opt-out ever blocked (the consent given after it is erased with the rest, so it can no longer be shown), kept as
/// permanent DND with its code, source, since when and the rule that decided it.
/// </summary>
public static class ErasedOptOuts
{
    /// <summary>Raises <paramref name="kept"/> (the address's erased record, read out) to what this contact's erasure keeps.</summary>
    /// <param name="history">The contact's and the address's ledger lines.</param>
    /// <returns>The channels kept.</returns>
    public static List<Channel> Keep(AddressConsentState kept, ContactConsent contact, AddressConsentState? shared, AddressKind kind,
        IReadOnlyCollection<LedgerRecord> history, DateTimeOffset now)
    {
        var channels = new List<Channel>();
        foreach (var channel in ChannelNames.All.Where(c => c.Address() == kind))
        {
            var current = new[] { contact[channel], shared?[channel] ?? ChannelDnd.Off }.MaxBy(s => s.Strength)!;
            var lastBlock = history.Where(l => l.Channel == channel.ToWire() && l.Verdict == nameof(Verdict.Applied)
                                               && l.After is not null && l.After != nameof(DndStatus.Inactive)).MaxBy(l => l.At);
            if (!current.Blocks && lastBlock is null)
            {
                continue;
            }
            var rule = lastBlock?.Rule ?? current.Source ?? "unknown";
            var state = current.Blocks
                ? current with { Status = DndStatus.Permanent, Message = $"opted out before an erasure request (rule {rule}, code {current.Code ?? "none"})" }
                : new ChannelDnd(DndStatus.Permanent, "opted-out-before-erasure", $"opted out before an erasure request (rule {rule}); " +
                    "the consent given after it was erased with the contact's data", lastBlock!.Actor, lastBlock.At);
            if (state.Strength >= kept[channel].Strength)
            {
                kept.Set(channel, state, now);
            }
            channels.Add(channel);
        }
        return channels;
    }
}
