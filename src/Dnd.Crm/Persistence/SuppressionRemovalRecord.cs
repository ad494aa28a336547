namespace Dnd.Crm.Persistence;

/// <summary>
/// An address to take off the provider's suppression lists because its e-mail DND was lifted: staged in the write that
/// lifts it, so a committed lift is always followed by the removal and an undone one never is.
/// </summary>
public sealed class SuppressionRemovalRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string ContactId { get; set; }

    /// <summary>The normalized e-mail address the lift was about.</summary>
    public required string Address { get; set; }

    /// <summary>pending, done or failed (Dnd.Crm.Suppressions.SuppressionRemovalStatus).</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the next try is due; pending rows wait here while no Mailgun integration is connected.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>What the provider answered last, in words.</summary>
    public string? Result { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
