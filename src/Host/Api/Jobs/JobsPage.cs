using Dnd.Crm.Jobs;

namespace Dnd.Host.Api.Jobs;

/// <summary>A page of the account's jobs, newest first, and the cursor for the next (null: there is none).</summary>
/// <param name="Next">Give as "after" to /locations/jobs for the next page.</param>
public sealed record JobsPage(List<JobDto> Jobs, string? Next)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <returns>Null when <paramref name="after"/> names no job of the account.</returns>
    public static async Task<JobsPage?> ReadAsync(JobQueue jobs, string accountId, string? after, int limit, CancellationToken ct)
    {
        // One more than a page is read, so a full last page does not promise a next one.
        if (await jobs.ListAsync(accountId, after, limit + 1, ct) is not { } items)
        {
            return null;
        }
        var page = items.Take(limit).ToList();
        return new(page.Select(JobDto.From).ToList(), items.Count > limit ? page[^1].Id : null);
    }
}
