using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Consent;

/// <summary>Moves a contact's consent between the row (status columns + details JSON) and the domain model.</summary>
public static class ContactConsentMapping
{
    private sealed record Details(string? Code, string? Message, string? Source, DateTimeOffset? ChangedAt, bool SpamLock);

    public static ContactConsent ToDomain(ContactRecord row)
    {
        var details = JsonSerializer.Deserialize<Dictionary<string, Details>>(row.DndDetailsJson) ?? new();
        var channels = ChannelNames.All.Select(c =>
        {
            details.TryGetValue(c.ToWire(), out var d);
            var state = new ChannelDnd((DndStatus)GetStatus(row, c), d?.Code, d?.Message, d?.Source, d?.ChangedAt, d?.SpamLock ?? false);
            return KeyValuePair.Create(c, state);
        });
        var inbound = new InboundDnd(row.InboundDnd, row.InboundDndMessage, null);
        return ContactConsent.Restore(row.Id, channels, inbound, row.LedgerSequence);
    }

    public static void CopyToRow(ContactConsent consent, ContactRecord row)
    {
        var details = new Dictionary<string, Details>();
        foreach (var (channel, state) in consent.Channels)
        {
            SetStatus(row, channel, (int)state.Status);
            if (state.Code is not null || state.Message is not null || state.Source is not null)
            {
                details[channel.ToWire()] = new Details(state.Code, state.Message, state.Source, state.ChangedAt, state.SpamLock);
            }
        }
        row.DndDetailsJson = JsonSerializer.Serialize(details);
        row.InboundDnd = consent.Inbound.Active;
        row.InboundDndMessage = consent.Inbound.Message;
        row.LedgerSequence = consent.LastSequence;
    }

    /// <param name="contactId">The contact whose line it is, or null for an address's own line.</param>
    public static LedgerRecord ToRecord(string accountId, string? contactId, ConsentLedgerEntry e, string? address = null) => new()
    {
        AccountId = accountId,
        ContactId = contactId,
        Address = address,
        Sequence = e.Sequence,
        At = e.At,
        Event = e.Event,
        Actor = e.Actor.ToString(),
        Channel = e.Channel?.ToWire(),
        Verdict = e.Verdict.ToString(),
        Before = e.Before?.ToString(),
        After = e.After?.ToString(),
        Rule = e.Rule,
        PolicyRule = e.PolicyRule,
        Explanation = e.Explanation,
        FiredRules = e.FiredRules is { Count: > 0 } fired ? string.Join(",", fired) : null,
        ProofJson = e.Proof is { } proof ? JsonSerializer.Serialize(proof, AccountSettingsJson.Options) : null,
        ActedBy = e.ActedBy,
        ClientIp = e.ClientIp,
    };

    /// <summary>The proof of consent a ledger line keeps, read back as <see cref="ToRecord"/> wrote it; null without one.</summary>
    public static ConsentProof? ProofOf(LedgerRecord line) =>
        line.ProofJson is null ? null : JsonSerializer.Deserialize<ConsentProof>(line.ProofJson, AccountSettingsJson.Options);

    public static int GetStatus(ContactRecord row, Channel channel) => channel switch
    {
        Channel.Call => row.DndCall,
        Channel.Email => row.DndEmail,
        Channel.Sms => row.DndSms,
        Channel.WhatsApp => row.DndWhatsApp,
        Channel.Fb => row.DndFb,
        Channel.Gmb => row.DndGmb,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static void SetStatus(ContactRecord row, Channel channel, int status)
    {
        switch (channel)
        {
            case Channel.Call: row.DndCall = status; break;
            case Channel.Email: row.DndEmail = status; break;
            case Channel.Sms: row.DndSms = status; break;
            case Channel.WhatsApp: row.DndWhatsApp = status; break;
            case Channel.Fb: row.DndFb = status; break;
            case Channel.Gmb: row.DndGmb = status; break;
        }
    }
}
