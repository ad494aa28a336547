using Dnd.Host.Api.Contacts;

namespace Dnd.Host.Api.Reviews;

/// <param name="Review">The revocation as the queue and its report count it (filed as confirmed).</param>
public sealed record RevocationResponse(OptOutReviewDto Review, IReadOnlyList<LedgerEntryDto> Ledger);
