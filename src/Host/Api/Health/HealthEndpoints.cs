namespace Dnd.Host.Api.Health;

/// <summary>Liveness for load balancers and probes: answers while the process serves requests.</summary>
public static class HealthEndpoints
{
    public sealed record HealthResponse(string Status);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithTags("Health");
}
