namespace Dnd.Host.Api.Contacts;

/// <summary>GET /consent/addresses/{address}: an address's consent per channel, the contacts that have it, and its own ledger.</summary>
/// <param name="Channels">The address's channels by wire name: SMS, Call and WhatsApp for a phone, Email for an email.</param>
public sealed record AddressConsentResponse(string Address, Dictionary<string, AddressChannelDto> Channels, List<string> ContactIds, List<LedgerEntryDto> Ledger);
