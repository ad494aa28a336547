namespace Dnd.Host.Api.Reviews;

/// <param name="Open">Open reviews in the account.</param>
/// <param name="Overdue">Open reviews past their deadline (listed first).</param>
public sealed record OptOutReviewsResponse(IReadOnlyList<OptOutReviewDto> Reviews, int Open, int Overdue);
