using Dnd.Crm.Jobs;

namespace Dnd.Host.Api.Jobs;

/// <summary>A page of a job's problems, and the cursor for the next (null: there is none).</summary>
/// <param name="Next">Give as "after" to /locations/jobs/{id}/problems for the next page.</param>
public sealed record JobProblemsPage(List<JobProblemDto> Problems, string? Next)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>One more than a page is read, so a full last page does not promise a next one.</summary>
    public static async Task<JobProblemsPage> ReadAsync(JobQueue jobs, string jobId, long after, int limit, CancellationToken ct)
    {
        var items = await jobs.ProblemsAsync(jobId, after, limit + 1, ct);
        var page = items.Take(limit).ToList();
        return new(page.Select(JobProblemDto.From).ToList(), items.Count > limit ? page[^1].Id.ToString() : null);
    }
}
