namespace Dnd.Host.Api.Contacts;

/// <summary>GET /contacts/{id}/dnd/ledger: every consent decision about the contact, oldest first.</summary>
public sealed record LedgerResponse(List<LedgerEntryDto> Entries);
