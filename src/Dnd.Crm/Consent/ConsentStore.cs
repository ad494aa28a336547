using Dnd.Shared.Telemetry;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Consent;

/// <summary>
/// Keeps consent consistent inside one account write: a contact's row, the consent of its phone and email, and
/// every other contact with the same address. A change to an address channel (SMS, Call, WhatsApp, Email) is
/// stored on the address and shown on each contact that has it, each with its own ledger line; each contact whose
/// channel starts or stops blocking is told to the <see cref="IConsentFollower"/>s (a workflow trigger), and its queued messages on a channel that now
/// blocks are cancelled in the same transaction. Staged on the context; the caller saves and commits.
/// </summary>
public sealed class ConsentStore(IConsentRows rows, ConsentEngine engine, TimeProvider clock, IEnumerable<IConsentFollower> followers)
{
    public const string SharedRule = "AddressConsentShared";
    public const string AppliesRule = "AddressConsentApplies";

    /// <summary>An address seen again after its contact's personal data was erased: its opt-outs were kept, hashed, and apply again.</summary>
    public const string ErasedRule = "OptOutKeptThroughErasure";

    private readonly Dictionary<string, ContactConsent> _contacts = new();
    private readonly Dictionary<(string, string), AddressConsentState> _addresses = new();
    private readonly HashSet<(string, string)> _reborn = new();

    /// <summary>The contact's consent, read once per write so every change in it builds on the last.</summary>
    public ContactConsent Contact(ContactRecord row)
    {
        if (!_contacts.TryGetValue(row.Id, out var consent))
        {
            _contacts[row.Id] = consent = ContactConsentMapping.ToDomain(row);
        }
        return consent;
    }

    /// <summary>Stores a decision made on the contact and carries its address channels to the address and its other contacts.</summary>
    public async Task RecordAsync(ContactRecord row, ConsentDecision decision, CancellationToken ct)
    {
        using var activity = DndTelemetry.Source.StartActivity("dnd.ledger.write");
        activity?.SetTag("dnd.ledger.lines", decision.Entries.Count);
        Write(row, decision.Entries);
        foreach (var outcome in decision.Outcomes.Where(o => o.Verdict == Verdict.Applied))
        {
            var entry = decision.Entries.Last(e => e.Channel == outcome.Channel);
            await ChangedAsync(row, outcome.Channel, outcome.Before, outcome.After, entry, ct);
            if (row.Address(outcome.Channel.Address()) is { } address)
            {
                await ShareAsync(row.AccountId, address, outcome.Channel, outcome.After, decision.Event, row.Id, ct);
            }
        }
    }

    /// <summary>
    /// Joins the contact to the consent of its current phone and email: the stricter of the two wins on each side,
    /// so a contact given an opted-out address is opted out from that moment, and an address never gets weaker
    /// because a contact was given it.
    /// </summary>
    public async Task AttachAsync(ContactRecord row, CancellationToken ct)
    {
        foreach (var (kind, address) in row.Addresses())
        {
            var shared = await AddressAsync(row.AccountId, address, ct);
            var consent = Contact(row);
            foreach (var (channel, theirs) in shared.Channels(kind))
            {
                var mine = consent[channel];
                if (theirs.Strength > mine.Strength)
                {
                    var reborn = _reborn.Contains((row.AccountId, address));
                    var why = $"{address} is {theirs.Status} on {channel.ToWire()} ({theirs.Code ?? "no code"}, since {theirs.ChangedAt:u}); " +
                              (reborn ? theirs.Message : "consent follows the address");
                    if (engine.Adopt(consent, channel, theirs, $"address.consent {address}", reborn ? ErasedRule : AppliesRule, why) is { } entry)
                    {
                        Write(row, [entry]);
                        await ChangedAsync(row, channel, mine, theirs, entry, ct);
                    }
                }
                else if (mine.Strength > theirs.Strength)
                {
                    await ShareAsync(row.AccountId, address, channel, mine, $"contact.address {address}", row.Id, ct);
                }
            }
        }
    }

    /// <summary>An address's consent, loaded (or created) once per write.</summary>
    public async Task<AddressConsentState> AddressAsync(string accountId, string address, CancellationToken ct)
    {
        if (_addresses.TryGetValue((accountId, address), out var known))
        {
            return known;
        }
        var record = await rows.FindAddressAsync(accountId, address, ct);
        if (record is not null)
        {
            return _addresses[(accountId, address)] = new AddressConsentState(record);
        }
        record = new AddressConsentRecord { AccountId = accountId, Address = address, UpdatedAt = clock.GetUtcNow() };
        var erased = await rows.FindErasedAsync(accountId, address, ct);
        if (erased is not null)
        {
            (record.StatesJson, record.LedgerSequence) = (erased.StatesJson, erased.LedgerSequence);
        }
        rows.Add(record);
        var state = _addresses[(accountId, address)] = new AddressConsentState(record);
        if (erased is not null)
        {
            Reborn(state);
        }
        return state;
    }

    /// <summary>
    /// A new address that was erased before is born with the opt-outs kept for it, each on the address's ledger, so the
    /// contact given it adopts them (<see cref="AttachAsync"/>) as it would any address's consent.
    /// </summary>
    private void Reborn(AddressConsentState address)
    {
        _reborn.Add((address.Record.AccountId, address.Address));
        var now = clock.GetUtcNow();
        WriteAddressLines(address, ChannelNames.All.Where(c => address[c].Blocks).Select(c => new ConsentLedgerEntry(0, now, "address.erased-opt-out",
            Actor.System, c, Verdict.Applied, DndStatus.Inactive, address[c].Status, ErasedRule, null,
            $"{c.ToWire()} {DndStatus.Inactive}→{address[c].Status}. {ErasedRule}: {address[c].Message}")).ToList());
    }

    /// <summary>Appends lines to the address's own ledger (a decision made where no contact has the address).</summary>
    public void WriteAddressLines(AddressConsentState address, IEnumerable<ConsentLedgerEntry> entries)
    {
        foreach (var entry in entries)
        {
            var numbered = entry with { Sequence = ++address.Record.LedgerSequence };
            rows.Changed(address.Record);
            Ledger(ContactConsentMapping.ToRecord(address.Record.AccountId, null, numbered, address.Address));
        }
    }

    private async Task ShareAsync(string accountId, string address, Channel channel, ChannelDnd state, string evt, string fromContactId, CancellationToken ct)
    {
        var shared = await AddressAsync(accountId, address, ct);
        var before = shared[channel];
        if (before.Status == state.Status && before.SpamLock == state.SpamLock)
        {
            return;
        }
        var at = clock.GetUtcNow();
        shared.Set(channel, state, at);
        rows.Changed(shared.Record);
        var wire = channel.ToWire();
        var why = $"{address} changed by {evt} on contact {fromContactId}";
        WriteAddressLines(shared, [new ConsentLedgerEntry(0, at, evt, Actor.System, channel, Verdict.Applied, before.Status, state.Status,
            SharedRule, null, $"{wire} {before.Status}→{state.Status}. {SharedRule}: {why}.")]);
        var kind = channel.Address();
        foreach (var other in (await rows.ContactsWithAddressAsync(accountId, kind, address, ct)).Where(c => c.Id != fromContactId))
        {
            var consent = Contact(other);
            var previous = consent[channel];
            if (engine.Adopt(consent, channel, state, evt, SharedRule, why) is { } entry)
            {
                Write(other, [entry]);
                await ChangedAsync(other, channel, previous, state, entry, ct);
            }
        }
    }

    /// <summary>Copies the contact's consent to its row and appends its new ledger lines.</summary>
    public void Write(ContactRecord row, IEnumerable<ConsentLedgerEntry> entries)
    {
        ContactConsentMapping.CopyToRow(Contact(row), row);
        row.Revision++;
        row.UpdatedAt = clock.GetUtcNow();
        rows.Changed(row);
        foreach (var entry in entries)
        {
            Ledger(ContactConsentMapping.ToRecord(row.AccountId, row.Id, entry));
        }
    }

    /// <summary>Stages a ledger line and tells the followers, so whatever they stage for it commits with it or not at all.</summary>
    private void Ledger(LedgerRecord line)
    {
        rows.Add(line);
        foreach (var follower in followers)
        {
            follower.LedgerWritten(rows, line);
        }
    }

    private async Task ChangedAsync(ContactRecord row, Channel channel, ChannelDnd before, ChannelDnd after, ConsentLedgerEntry entry, CancellationToken ct)
    {
        if (before.Blocks != after.Blocks)
        {
            foreach (var follower in followers)
            {
                follower.BlockingChanged(rows, row, channel, after, clock.GetUtcNow());
            }
        }
        if (after.Blocks)
        {
            // A message queued (or held) before the opt-out must not leave after it.
            await rows.CancelQueuedAsync(row.AccountId, row.Id, channel.ToWire(), Reachability.BlockedReason(row, channel), entry.Sequence, ct);
            if (row.IsHeld(channel.ToWire()))
            {
                await ResolveReviewsAsync(row, channel, entry, ct);
            }
        }
    }

    /// <summary>A channel that now blocks leaves nothing to review there: its open reviews close with the decision that blocked it.</summary>
    private async Task ResolveReviewsAsync(ContactRecord row, Channel channel, ConsentLedgerEntry entry, CancellationToken ct)
    {
        var wire = channel.ToWire();
        foreach (var review in await rows.OpenReviewsAsync(row.AccountId, row.Id, wire, ct))
        {
            review.Status = OptOutReviewStatus.Resolved;
            review.HandledAt = clock.GetUtcNow();
            review.HandledBy = entry.ActedBy ?? entry.Event;
            review.HandledSequence = entry.Sequence;
            review.Note = $"{wire} came to block: {entry.Explanation}";
            rows.Changed(review);
        }
        row.Release(wire);
        rows.Changed(row);
    }
}
