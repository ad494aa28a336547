namespace Dnd.Host.Webhooks;

/// <summary>A webhook's raw body, read whole (bounded) so it can be hashed and then parsed.</summary>
public sealed record WebhookBody(byte[] Bytes, IResult? Rejected)
{
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
            return new WebhookBody([], Results.Problem(statusCode: 400, title: "Bad request", detail: e.Message));
        }
        return new WebhookBody(buffer.ToArray(), null);
    }

    private static WebhookBody TooLarge(int maxBytes) => new([], Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large", detail: $"A webhook body may be at most {maxBytes} bytes."));
}
