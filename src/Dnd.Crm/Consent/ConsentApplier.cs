using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Crm.Persistence;
using Dnd.Rules.Data;

namespace Dnd.Crm.Consent;

/// <summary>
/// Applies consent events inside an open account write, on whatever stores its rows (<see cref="IConsentRows"/>):
/// runs the rules on the current state and stages the result (state, ledger lines, shared address consent,
/// triggers, cancelled sends). The caller writes and commits.
/// </summary>
public sealed class ConsentApplier(IConsentRows rows, ConsentStore store, ConsentEngine engine, TimeProvider clock)
{
    public IConsentRows Rows => rows;

    public ConsentStore Store => store;

    public async Task<ConsentDecision> ApplyAsync(ContactRecord row, ConsentEvent evt, AccountSettings settings)
    {
        using var activity = ConsentTelemetry.StartDecision(evt);
        var decision = await engine.ApplyAsync(store.Contact(row), evt, settings);
        ConsentTelemetry.Decided(activity, evt, decision);
        await store.RecordAsync(row, decision, CancellationToken.None);
        return decision;
    }

    /// <summary>
    /// Applies a provider's event about an address (a Mailgun recipient, a Twilio number) to every contact of the
    /// account that has it, oldest first, or, when none has, to the address itself so that the contact created
    /// for it later is opted out from birth.
    /// </summary>
    /// <returns>One decision per contact, or the address's own decision.</returns>
    public async Task<IReadOnlyList<(string? ContactId, ConsentDecision Decision)>> ApplyToAddressAsync(
        string accountId, AddressKind kind, string address, ConsentEvent evt, AccountSettings settings, CancellationToken ct)
    {
        var contacts = await rows.ContactsWithAddressAsync(accountId, kind, address, ct);
        var results = new List<(string?, ConsentDecision)>();
        foreach (var row in contacts)
        {
            results.Add((row.Id, await ApplyAsync(row, evt, settings)));
        }
        if (contacts.Count == 0)
        {
            results.Add((null, await ApplyToAddressOnlyAsync(accountId, kind, address, evt, settings, ct)));
        }
        return results;
    }

    private async Task<ConsentDecision> ApplyToAddressOnlyAsync(string accountId, AddressKind kind, string address, ConsentEvent evt,
        AccountSettings settings, CancellationToken ct)
    {
        var shared = await store.AddressAsync(accountId, address, ct);
        var subject = ContactConsent.Restore($"address:{address}", shared.Channels(kind), InboundDnd.Off, 0);
        using var activity = ConsentTelemetry.StartDecision(evt);
        var decision = await engine.ApplyAsync(subject, evt, settings);
        ConsentTelemetry.Decided(activity, evt, decision);
        // The address carries only its own channels; what the event asked of others has no one to apply to.
        var now = clock.GetUtcNow();
        foreach (var outcome in decision.Outcomes.Where(o => o.Verdict == Verdict.Applied && o.Channel.Address() == kind))
        {
            shared.Set(outcome.Channel, outcome.After, now);
            rows.Changed(shared.Record);
        }
        store.WriteAddressLines(shared, decision.Entries.Where(e => e.Channel is null || e.Channel.Value.Address() == kind));
        return decision;
    }
}
