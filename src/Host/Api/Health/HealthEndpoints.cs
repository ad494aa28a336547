using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Health;

/// <summary>
/// Probes, anonymous. Live: the process serves requests (no database: a slow database must not get a healthy process
/// restarted). Ready: it can do its work now (<see cref="ReadinessChecks"/>), 503 naming each failing check.
/// GET /health stays as it was and is live's alias: start-up detection (tests, the bench's "first healthy response")
/// must stay cheap, and the server only listens once start-up prepared the database.
/// </summary>
public static class HealthEndpoints
{
    public sealed record HealthResponse(string Status);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("", Live);
        health.MapGet("/live", Live);
        health.MapGet("/ready", Ready).Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
    }

    private static Ok<HealthResponse> Live() => TypedResults.Ok(new HealthResponse("ok"));

    private static async Task<Results<Ok<ReadinessReport>, JsonHttpResult<ReadinessReport>>> Ready(ReadinessChecks checks, CancellationToken ct)
    {
        var report = await checks.RunAsync(ct);
        return report.Checks.All(c => c.Healthy) ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
