using Dnd.Host.Api.Jobs;
using Dnd.Crm.Jobs;
using Dnd.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dnd.Host.Api.BulkDnd;

/// <summary>Sets or clears DND for many contacts as a background job (progress at /locations/jobs/{id}).</summary>
public static class BulkDndEndpoints
{
    public static void MapBulkDndEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/locations/contacts/bulk/dnd", EnqueueAsync).WithTags("Jobs").WithBodyLimit(ApiLimits.ApiBodyBytes)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// Enqueues the job; resubmitted with the same Idempotency-Key and body, answers with the job it made before
    /// (the same body under another key is another job; another body under the same key is refused).
    /// </summary>
    private static async Task<Accepted<JobResponse>> EnqueueAsync(BulkDndRequest body, BulkDndJobs bulk, JobQueue jobs, CancellationToken ct,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        var job = await bulk.EnqueueAsync(body, idempotencyKey, ct);
        return TypedResults.Accepted($"/locations/jobs/{job.Id}", await JobEndpoints.ResponseAsync(jobs, job, ct));
    }
}
