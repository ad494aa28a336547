namespace Dnd.Crm.Persistence;

/// <summary>
/// A durable background job of an account: what to do (kind and parameters), how far it got (counts and a cursor
/// saved after every step, so a restart resumes there) and who holds it (a lease, so one runner steps it at a time).
/// </summary>
public sealed class JobRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }

    /// <summary>Which job handler (Dnd.Crm.Jobs) runs it, e.g. "bulk-dnd".</summary>
    public required string Kind { get; set; }

    public JobStatus Status { get; set; }

    /// <summary>The handler's own parameters as JSON, compared whole when the idempotency key comes again.</summary>
    public required string ParametersJson { get; set; }

    /// <summary>The caller's key: unique per account and kind, so a resubmission finds the job it already made.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>How many items the job has; null until its first step counted them.</summary>
    public int? Total { get; set; }

    public int Processed { get; set; }
    public int Succeeded { get; set; }
    public int Refused { get; set; }
    public int Failed { get; set; }

    /// <summary>The handler's checkpoint: where the next step starts; null before the first step.</summary>
    public string? Cursor { get; set; }

    /// <summary>Who asked for it, as the ledger names an actor (<c>AccountContext.ActedBy</c>).</summary>
    public required string ActedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Asked to stop: the runner stops before its next step.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The runner stepping it, and until when its claim holds; another runner takes it over after that (a crash).</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; set; }

    public bool Finished => Status is JobStatus.Completed or JobStatus.Cancelled or JobStatus.Failed;

    /// <summary>Whole percent of the items processed; 100 once completed, 0 while not counted.</summary>
    public int Percentage => Status == JobStatus.Completed ? 100 : Total is > 0 ? (int)(100L * Processed / Total.Value) : 0;
}
