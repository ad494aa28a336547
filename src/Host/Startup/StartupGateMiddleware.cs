namespace Dnd.Host.Startup;

/// <summary>A request that arrives while the server is still starting (Kestrel listens meanwhile) waits until it is <see cref="ServerPreparation.Ready"/>.</summary>
public sealed class StartupGateMiddleware(RequestDelegate next, ServerPreparation preparation)
{
    public Task InvokeAsync(HttpContext http) =>
        preparation.Ready.IsCompletedSuccessfully ? next(http) : WaitThenAsync(http);

    private async Task WaitThenAsync(HttpContext http)
    {
        await preparation.Ready.WaitAsync(http.RequestAborted);
        await next(http);
    }
}
