using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Webhooks;

/// <summary>A webhook's raw body, read whole (bounded) so it can be hashed and then parsed.</summary>
public sealed record WebhookBody(byte[] Bytes, ProblemHttpResult? Rejected)
{
    /// <remarks>
    /// <see cref="Limits.BodyLimitMiddleware"/> has already refused a body over the endpoint's limit; this bound
    /// keeps the reader safe on its own (unit tests call it without the middleware).
    /// </remarks>
    public static async Task<WebhookBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }
        if (request.ContentLength is { } length)
        {
            return await ReadDeclaredAsync(request, (int)length, maxBytes, ct);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return TooLarge(maxBytes);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            return new WebhookBody([], WebhookAccounts.BadRequest(e.Message));
        }
        return new WebhookBody(buffer.ToArray(), null);
    }

    /// <summary>
    /// A body that declares its length is read straight into an array of that size: no 16 KiB chunk and no copy out of
    /// a MemoryStream for every webhook. Should the stream hold more than declared (Kestrel never sends more), the rest
    /// is read as an undeclared body is, so the result and the limit are the same either way.
    /// </summary>
    private static async Task<WebhookBody> ReadDeclaredAsync(HttpRequest request, int length, int maxBytes, CancellationToken ct)
    {
        var bytes = length == 0 ? [] : new byte[length];
        var filled = 0;
        try
        {
            while (filled < length)
            {
                var read = await request.Body.ReadAsync(bytes.AsMemory(filled), ct);
                if (read == 0)
                {
                    return new WebhookBody(bytes[..filled], null);
                }
                filled += read;
            }
            var chunk = new byte[1];
            if (await request.Body.ReadAsync(chunk, ct) == 0)
            {
                return new WebhookBody(bytes, null);
            }
            using var buffer = new MemoryStream();
            buffer.Write(bytes);
            buffer.Write(chunk);
            if (buffer.Length > maxBytes)
            {
                return TooLarge(maxBytes);
            }
            chunk = new byte[16 * 1024];
            int more;
            while ((more = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + more > maxBytes)
                {
                    return TooLarge(maxBytes);
                }
                buffer.Write(chunk, 0, more);
            }
            return new WebhookBody(buffer.ToArray(), null);
        }
        catch (BadHttpRequestException e)
        {
            return new WebhookBody([], WebhookAccounts.BadRequest(e.Message));
        }
    }

    private static WebhookBody TooLarge(int maxBytes) => new([], TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large", detail: $"A webhook body may be at most {maxBytes} bytes."));
}
