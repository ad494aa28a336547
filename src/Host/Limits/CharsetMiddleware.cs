using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Dnd.Host.Limits;

/// <summary>
/// Refuses a body whose Content-Type names a charset .NET cannot decode with 415. Left to the JSON binder, such a
/// charset throws InvalidOperationException, which would answer 500 for what is the sender's mistake. Only endpoints
/// that bind a body are checked: the others never decode one.
/// </summary>
public sealed class CharsetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null &&
            MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.Charset.HasValue && !IsKnown(type.Charset.Value!))
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"The charset '{type.Charset}' is not supported; send UTF-8.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
