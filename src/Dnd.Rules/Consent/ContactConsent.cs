namespace Dnd.Rules.Consent;

/// <summary>A contact's DND state per channel, inbound DND, and the ledger of every decision made about it.</summary>
public sealed class ContactConsent
{
    private readonly Dictionary<Channel, ChannelDnd> _channels = new();
    private readonly List<ConsentLedgerEntry> _ledger = new();

    public ContactConsent(string contactId)
    {
        ContactId = contactId;
        foreach (var channel in ChannelNames.All)
        {
            _channels[channel] = ChannelDnd.Off;
        }
    }

    public string ContactId { get; }

    public IReadOnlyDictionary<Channel, ChannelDnd> Channels => _channels;

    public InboundDnd Inbound { get; private set; } = InboundDnd.Off;

    /// <summary>The entries this instance holds; a store may load only a tail of the full history.</summary>
    public IReadOnlyList<ConsentLedgerEntry> Ledger => _ledger;

    /// <summary>Sequence of the newest entry ever written, so appends stay gap-free when only a tail is loaded.</summary>
    public long LastSequence { get; private set; }

    public DndAggregate Aggregate
    {
        get
        {
            var blocked = _channels.Values.Count(c => c.Blocks);
            return blocked == 0 ? DndAggregate.Off : blocked == _channels.Count ? DndAggregate.On : DndAggregate.Partial;
        }
    }

    public ChannelDnd this[Channel channel] => _channels[channel];

    public bool IsBlocked(Channel channel) => _channels[channel].Blocks;

    /// <summary>Rebuilds a contact from stored state.</summary>
    public static ContactConsent Restore(
        string contactId,
        IEnumerable<KeyValuePair<Channel, ChannelDnd>> channels,
        InboundDnd inbound,
        long lastSequence,
        IEnumerable<ConsentLedgerEntry>? ledgerTail = null)
    {
        var contact = new ContactConsent(contactId) { Inbound = inbound, LastSequence = lastSequence };
        foreach (var (channel, state) in channels)
        {
            contact._channels[channel] = state;
        }
        if (ledgerTail is not null)
        {
            contact._ledger.AddRange(ledgerTail);
        }
        return contact;
    }

    internal void Set(Channel channel, ChannelDnd state) => _channels[channel] = state;

    internal void SetInbound(InboundDnd inbound) => Inbound = inbound;

    internal ConsentLedgerEntry Append(
        DateTimeOffset at, string evt, Actor actor, Channel? channel, Verdict verdict,
        DndStatus? before, DndStatus? after, string rule, string? policyRule, string explanation,
        IReadOnlyList<string>? firedRules = null, ConsentProof? proof = null, string? actedBy = null, string? clientIp = null)
    {
        var entry = new ConsentLedgerEntry(++LastSequence, at, evt, actor, channel, verdict, before, after, rule, policyRule, explanation, firedRules, proof,
            actedBy, clientIp);
        _ledger.Add(entry);
        return entry;
    }
}
