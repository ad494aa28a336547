namespace Dnd.Crm.Jobs;

/// <summary>What one step did: the counts it adds, its problems, and where the next step starts (null: the job is done).</summary>
/// <param name="Total">The job's item count, once a step knows it (usually the first).</param>
public sealed record JobStep(string? NextCursor, int Succeeded = 0, int Refused = 0, int Failed = 0, IReadOnlyList<JobProblem>? Problems = null,
    int? Total = null)
{
    public int Processed => Succeeded + Refused + Failed;
}
