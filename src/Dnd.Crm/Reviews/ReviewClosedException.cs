using Dnd.Crm.Persistence;

namespace Dnd.Crm.Reviews;

/// <summary>A review already handled: it is decided once (a second confirm or dismiss changes nothing).</summary>
public sealed class ReviewClosedException(OptOutReviewRecord review)
    : Exception($"Opt-out review {review.Id} was already {review.Status} by {review.HandledBy} at {review.HandledAt:u}.")
{
    public OptOutReviewRecord Review { get; } = review;
}
