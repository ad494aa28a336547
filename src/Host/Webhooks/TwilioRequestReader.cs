using System.Text.Json;
using Dnd.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Webhooks;

/// <summary>
/// Reads a Twilio webhook and checks it the way Twilio's own validators do: form bodies are signed over the URL
/// plus the sorted fields; JSON bodies over the URL alone, which carries the body's SHA-256 as bodySHA256.
/// Either way the URL may have been signed with or without its port.
/// </summary>
public static class TwilioRequestReader
{
    public static async Task<TwilioRequestRead> ReadAsync(HttpRequest request, string publicBaseUrl, string authToken, CancellationToken ct)
    {
        var isForm = request.HasFormContentType;
        if (!isForm && !request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Twilio posts application/x-www-form-urlencoded, or application/json with bodySHA256 in the URL.");
        }
        var body = await ReadBodyAsync(request, ct);
        if (body.Rejected is not null)
        {
            return TwilioRequestRead.Refused(body.Rejected);
        }
        var url = publicBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(authToken))
        {
            return TwilioRequestRead.Refused(WebhookAccounts.Forbidden("This account has no Twilio auth token to check X-Twilio-Signature with."));
        }
        return isForm
            ? await ReadFormAsync(request, url, authToken, signature, ct)
            : ReadJson(body.Bytes, url, authToken, signature);
    }

    private static async Task<TwilioRequestRead> ReadFormAsync(HttpRequest request, string url, string authToken, string signature, CancellationToken ct)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = (await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A malformed multipart body or a form past FormOptions' limits is the sender's fault, not a 500.
            return Problem(StatusCodes.Status400BadRequest, "Bad request", $"The form body could not be read: {e.Message}");
        }
        finally
        {
            request.Body.Position = 0;
        }
        return TwilioSignature.IsValidForAnyPort(authToken, url, fields, signature)
            ? new TwilioRequestRead(fields, null)
            : TwilioRequestRead.Refused(WebhookAccounts.Forbidden("X-Twilio-Signature does not match this request."));
    }

    /// <summary>The signature and body hash are checked before parsing, so unsigned JSON is never parsed.</summary>
    private static TwilioRequestRead ReadJson(ReadOnlyMemory<byte> body, string url, string authToken, string signature)
    {
        if (!TwilioSignature.IsValidForAnyPort(authToken, url, [], signature))
        {
            return TwilioRequestRead.Refused(WebhookAccounts.Forbidden("X-Twilio-Signature does not match this request."));
        }
        if (TwilioSignature.BodyHashes(url).Count == 0)
        {
            return TwilioRequestRead.Refused(WebhookAccounts.Forbidden("A JSON body must be signed through the bodySHA256 query parameter, and it is missing."));
        }
        if (!TwilioSignature.IsBodyHashValid(url, body.Span))
        {
            return TwilioRequestRead.Refused(WebhookAccounts.Forbidden("bodySHA256 does not match the body."));
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problem(StatusCodes.Status400BadRequest, "Bad request", "The JSON body must be an object.");
            }
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
            return new TwilioRequestRead(fields, null);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", $"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// Reads the body whole, up to <see cref="ApiLimits.WebhookBodyBytes"/>, with buffering on so it can be hashed, then parsed,
    /// then read again by the caller.
    /// </summary>
    private static async Task<(ReadOnlyMemory<byte> Bytes, ProblemHttpResult? Rejected)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        try
        {
            var body = await WebhookBody.ReadAsync(request, ApiLimits.WebhookBodyBytes, ct);
            return (body.Bytes, body.Rejected);
        }
        catch (IOException e)
        {
            // The sender broke off or garbled the body: its fault, so a 4xx rather than a 500.
            return (default, ProblemResult(StatusCodes.Status400BadRequest, "Bad request", $"The body could not be read: {e.Message}"));
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static TwilioRequestRead Problem(int status, string title, string detail) =>
        TwilioRequestRead.Refused(ProblemResult(status, title, detail));

    private static ProblemHttpResult ProblemResult(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
