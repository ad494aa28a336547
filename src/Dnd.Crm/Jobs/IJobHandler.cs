using Dnd.Crm.Persistence;

namespace Dnd.Crm.Jobs;

/// <summary>
/// Does one kind of job, a batch at a time. Each step runs inside the job account's write, which the runner commits
/// together with the job's new counts and cursor: a step either happened whole, progress included, or not at all,
/// so the batch in flight when a process died is simply done again. Registered scoped
/// (<see cref="JobServices.AddJobHandler{THandler}"/>); writes through the scope's CrmDbContext and does not save.
/// </summary>
public interface IJobHandler
{
    /// <summary>The job kind it runs, as <see cref="JobRecord.Kind"/> stores it.</summary>
    string Kind { get; }

    /// <summary>
    /// What a step needs from outside the database (a provider's page), fetched before the step's write begins: a call
    /// that may take seconds must not hold the account's write (on SQLite, the database's one writer). None by default.
    /// </summary>
    Task<object?> PrepareAsync(JobRecord job, CancellationToken ct) => Task.FromResult<object?>(null);

    /// <summary>One batch from <see cref="JobRecord.Cursor"/> (null: the first step).</summary>
    /// <param name="prepared">What <see cref="PrepareAsync"/> returned for this cursor.</param>
    Task<JobStep> StepAsync(JobRecord job, object? prepared, CancellationToken ct);
}
