using Dnd.Host.Auth;

namespace Dnd.Host.Limits;

public static class RequestPipeline
{
    /// <summary>
    /// Errors as problems, then who is calling, then what they may send (body size, charset) before any endpoint reads
    /// it; static files (the designer) last.
    /// </summary>
    public static WebApplication UseDndRequestPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CredentialMiddleware>();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseMiddleware<CharsetMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
