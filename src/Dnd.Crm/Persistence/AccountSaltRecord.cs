namespace Dnd.Crm.Persistence;

/// <summary>
/// An account's secret salt for <see cref="Erasure.SuppressionHash"/>: made on its first erasure, never changed, so
/// an erased address hashes the same when it comes back and differently in every other account.
/// </summary>
public sealed class AccountSaltRecord
{
    public required string AccountId { get; set; }

    /// <summary>32 random bytes.</summary>
    public required byte[] Salt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
