namespace Dnd.Crm.Reviews;

public sealed class ReviewNotFoundException(string reviewId) : Exception($"No opt-out review {reviewId} in this account.")
{
    public string ReviewId { get; } = reviewId;
}
