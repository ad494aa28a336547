using Dnd.Host.Api.Contacts;

namespace Dnd.Host.Api.Reviews;

/// <param name="Ledger">The ledger lines the decision wrote on the contact.</param>
public sealed record ReviewDecisionResponse(OptOutReviewDto Review, IReadOnlyList<LedgerEntryDto> Ledger);
