using System.Text;
using System.Text.Json;
using Dnd.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

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
        // What Twilio posts (urlencoded) is parsed from the bytes read here, and needs no buffering; a JSON body stays
        // readable for the caller as before, and a multipart one goes through ReadFormAsync, which reads it again.
        var mediaType = isForm && MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        var urlEncoded = mediaType is not null && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        var body = await ReadBodyAsync(request, buffered: !urlEncoded, ct);
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
        return urlEncoded
            ? ReadUrlEncoded(body.Bytes, Charset(mediaType), url, authToken, signature)
            : isForm
            ? await ReadFormAsync(request, url, authToken, signature, ct)
            : ReadJson(body.Bytes, url, authToken, signature);
    }

    /// <summary>
    /// An urlencoded body parsed from the bytes already read, with the parser and limits ReadFormAsync uses (FormReader,
    /// FormOptions' defaults), in the charset the content type names. Reading it through ReadFormAsync read the body a
    /// second time through a buffering stream, which a profile of the inbound load put at a fifth of the request side.
    /// </summary>
    private static TwilioRequestRead ReadUrlEncoded(ReadOnlyMemory<byte> body, Encoding encoding, string url, string authToken, string signature)
    {
        Dictionary<string, string> fields;
        try
        {
            using var reader = new FormReader(encoding.GetString(body.Span));
            var form = reader.ReadForm();
            fields = new Dictionary<string, string>(form.Count, StringComparer.Ordinal);
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }
        }
        catch (InvalidDataException e)
        {
            // Past FormOptions' limits (value count, key or value length): the sender's fault, as below.
            return Problem(StatusCodes.Status400BadRequest, "Bad request", $"The form body could not be read: {e.Message}");
        }
        return TwilioSignature.IsValidForAnyPort(authToken, url, fields, signature)
            ? new TwilioRequestRead(fields, null)
            : TwilioRequestRead.Refused(WebhookAccounts.Forbidden("X-Twilio-Signature does not match this request."));
    }

    /// <summary>The form's charset as ReadFormAsync takes it: UTF-8 unless the content type names another (never UTF-7).</summary>
    private static Encoding Charset(MediaTypeHeaderValue? type) =>
#pragma warning disable SYSLIB0001 // UTF-7 is named only to refuse it, as FormFeature does.
        type?.Encoding is { } encoding && !Encoding.UTF7.Equals(encoding) ? encoding : Encoding.UTF8;
#pragma warning restore SYSLIB0001

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
    /// Reads the body whole, up to <see cref="ApiLimits.WebhookBodyBytes"/>, so it can be hashed and parsed; with
    /// <paramref name="buffered"/> it can be read again (multipart goes through ReadFormAsync).
    /// </summary>
    private static async Task<(ReadOnlyMemory<byte> Bytes, ProblemHttpResult? Rejected)> ReadBodyAsync(HttpRequest request, bool buffered, CancellationToken ct)
    {
        if (buffered)
        {
            request.EnableBuffering();
        }
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
            if (buffered)
            {
                request.Body.Position = 0;
            }
        }
    }

    private static TwilioRequestRead Problem(int status, string title, string detail) =>
        TwilioRequestRead.Refused(ProblemResult(status, title, detail));

    private static ProblemHttpResult ProblemResult(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
