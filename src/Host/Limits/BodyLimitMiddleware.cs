using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Dnd.Host.Limits;

/// <summary>
/// Refuses a body over its endpoint's <see cref="BodyLimit"/> with 413 before anything reads it. A declared length
/// is checked at once; a chunked body is read into a bounded buffer first, because past the limit the server's own
/// read error would reach the endpoint as a 400 "could not read" instead.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? ApiLimits.ApiBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
        {
            max.MaxRequestBodySize = limit + 1L;
        }
        var request = http.Request;
        if (request.ContentLength > limit)
        {
            await TooLargeAsync(http, limit);
            return;
        }
        if (request.ContentLength is null && (request.Headers.TransferEncoding.Count > 0 || HttpMethods.IsPost(request.Method) ||
                                               HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method)))
        {
            request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
            try
            {
                await request.Body.DrainAsync(http.RequestAborted);
            }
            catch (IOException) when (!http.RequestAborted.IsCancellationRequested)
            {
                // FileBufferingReadStream past bufferLimit, or the server's own limit: either way the body is too large.
                await TooLargeAsync(http, limit);
                return;
            }
            request.Body.Position = 0;
        }
        await next(http);
    }

    private static Task TooLargeAsync(HttpContext http, int limit)
    {
        // The unread body is dropped with the connection rather than drained: it may be gigabytes.
        http.Response.Headers.Connection = "close";
        return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
            detail: $"This endpoint accepts a body of at most {limit} bytes.").ExecuteAsync(http);
    }
}
