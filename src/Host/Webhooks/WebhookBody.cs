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

    private static WebhookBody TooLarge(int maxBytes) => new([], TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large", detail: $"A webhook body may be at most {maxBytes} bytes."));
}
