using Dnd.Crm.Consent;
using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;
using ContactRow = Dnd.Crm.Persistence.ContactRecord;

namespace Dnd.Host.OperatorApp.ContactScreen;

/// <summary>Everything the contact record shows, read in one go: who, the DND state per channel, the newest ledger lines.</summary>
/// <param name="Revision">The row's revision when read; a change to the contact (a STOP arriving, say) moves it on.</param>
/// <param name="Ledger">The newest lines first.</param>
/// <param name="MoreLedger">There are older lines than those read.</param>
/// <param name="Zone">The account's time zone, in which times are shown.</param>
public sealed record ContactView(
    string Id,
    string Name,
    string? Phone,
    string? Email,
    long Revision,
    DndAggregate Aggregate,
    IReadOnlyDictionary<Channel, ChannelState> Channels,
    ChannelState Inbound,
    IReadOnlyList<LedgerEntryDto> Ledger,
    bool MoreLedger,
    TimeZoneInfo Zone)
{
    public static ContactView From(ContactRow row, IReadOnlyList<LedgerEntryDto> ledger, bool moreLedger, TimeZoneInfo zone)
    {
        // The consent as the rules read it, so the aggregate is the product's (the API's dndAggregate) and not re-derived here.
        var consent = ContactConsentMapping.ToDomain(row);
        var name = row.FullName;
        return new ContactView(
            row.Id,
            name.Length > 0 ? name : "Unnamed contact",
            row.Phone,
            row.Email,
            row.Revision,
            consent.Aggregate,
            consent.Channels.ToDictionary(c => c.Key, c => ChannelState.From(c.Value)),
            ChannelState.From(consent.Inbound),
            ledger,
            moreLedger,
            zone);
    }
}
