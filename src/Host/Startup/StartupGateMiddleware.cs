namespace Dnd.Host.Startup;

/// <summary>A request that arrives while the server is still starting (Kestrel listens meanwhile) waits until it is prepared (<see cref="ServerPreparation.Prepared"/>).</summary>
public sealed class StartupGateMiddleware(RequestDelegate next, ServerPreparation preparation)
{
    public Task InvokeAsync(HttpContext http) =>
        preparation.Prepared.IsCompletedSuccessfully ? next(http) : WaitThenAsync(http);

    private async Task WaitThenAsync(HttpContext http)
    {
        await preparation.Prepared.WaitAsync(http.RequestAborted);
        await next(http);
    }
}
