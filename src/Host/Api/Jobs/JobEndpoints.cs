using Dnd.Crm.Persistence;
using Dnd.Crm.Jobs;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Jobs;

/// <summary>The account's background jobs: progress, the items refused or failed, and cancelling.</summary>
public static class JobEndpoints
{
    public static void MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/locations/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListAsync).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        jobs.MapGet("/{jobId}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{jobId}/problems", ProblemsAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        jobs.MapPost("/{jobId}/cancel", CancelAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<JobResponse>> GetAsync(string jobId, AccountContext account, JobQueue jobs, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(jobs, await jobs.FindAsync(account.AccountId, jobId, ct) ?? throw NotFound(jobId), ct));

    /// <summary>The account's jobs, newest first.</summary>
    /// <param name="after">The page's "next" cursor; from the newest job when absent.</param>
    /// <param name="limit">At most this many, 1 to 200 (50 by default).</param>
    private static async Task<Ok<JobsPage>> ListAsync(AccountContext account, JobQueue jobs, CancellationToken ct, string? after = null,
        int limit = JobsPage.DefaultLimit) =>
        TypedResults.Ok(await PageAsync(jobs, account.AccountId, after, limit, ct));

    /// <exception cref="ApiValidationException">422 naming limit or after; nothing read.</exception>
    public static async Task<JobsPage> PageAsync(JobQueue jobs, string accountId, string? after, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > JobsPage.MaxLimit)
        {
            new FieldErrors().Add("limit", $"limit must be 1 to {JobsPage.MaxLimit}").ThrowIfAny("The page is out of range.");
        }
        return await JobsPage.ReadAsync(jobs, accountId, after, limit, ct)
               ?? throw new ApiValidationException("The page is out of range.", ["after must be the \"next\" cursor of a previous page"], fields: ["after"]);
    }

    /// <param name="after">The page's "next" cursor; from the first problem when absent.</param>
    /// <param name="limit">At most this many, 1 to 500 (50 by default).</param>
    private static async Task<Ok<JobProblemsPage>> ProblemsAsync(string jobId, AccountContext account, JobQueue jobs, CancellationToken ct,
        string? after = null, int limit = JobProblemsPage.DefaultLimit)
    {
        var errors = new FieldErrors();
        long from = 0;
        if (after is not null && (!long.TryParse(after, out from) || from < 0))
        {
            errors.Add("after", "after must be the \"next\" cursor of a previous page");
        }
        if (limit is < 1 or > JobProblemsPage.MaxLimit)
        {
            errors.Add("limit", $"limit must be 1 to {JobProblemsPage.MaxLimit}");
        }
        errors.ThrowIfAny("The page is out of range.");
        var job = await jobs.FindAsync(account.AccountId, jobId, ct) ?? throw NotFound(jobId);
        return TypedResults.Ok(await JobProblemsPage.ReadAsync(jobs, job.Id, from, limit, ct));
    }

    /// <summary>Stops the job before its next step (a queued one at once); what was done stays done. A finished job is returned as it is.</summary>
    private static async Task<Ok<JobResponse>> CancelAsync(string jobId, AccountContext account, JobQueue jobs, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(jobs, await jobs.CancelAsync(account.AccountId, jobId, ct) ?? throw NotFound(jobId), ct));

    public static async Task<JobResponse> ResponseAsync(JobQueue jobs, JobRecord job, CancellationToken ct) =>
        new(JobDto.From(job), await JobProblemsPage.ReadAsync(jobs, job.Id, 0, JobProblemsPage.DefaultLimit, ct));

    public static ApiValidationException NotFound(string jobId) =>
        new($"Job {jobId} does not exist.", status: StatusCodes.Status404NotFound, title: "Job not found");
}
