using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.Conversations;
using Dnd.Host.Api.Reviews;
using Dnd.Host.Api.Workflows;

namespace Dnd.Host.Api.Erasure;

/// <summary>
/// GET /contacts/{id}/export: everything held about the contact (GDPR article 15): its fields (custom fields, tags,
/// DND per channel, inbound DND), its addresses' shared consent, its whole ledger with proofs, its messages, reviews,
/// workflow instances with their paths, and the ids Meta names it by.
/// </summary>
/// <param name="Addresses">Per address (phone, email): the consent recorded on the address itself, per channel.</param>
public sealed record AccessExport(
    DateTimeOffset ExportedAt,
    ContactDto Contact,
    IReadOnlyDictionary<string, Dictionary<string, AddressChannelDto>> Addresses,
    IReadOnlyList<LedgerEntryDto> Ledger,
    IReadOnlyList<MessageDto> Messages,
    IReadOnlyList<OptOutReviewDto> Reviews,
    IReadOnlyList<ContactWorkflowEntry> Workflows,
    IReadOnlyList<ScopedIdDto> ScopedIds);
