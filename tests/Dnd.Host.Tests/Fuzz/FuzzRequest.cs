using System.Text;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// One generated HTTP request, kept as plain data so a failure can print exactly what was sent.
/// Headers and the content type go out unvalidated: the point is to send what a well-behaved client would not.
/// </summary>
/// <param name="Route">The OpenAPI route it was generated for, which groups failures.</param>
/// <param name="Account">The account whose data it means to touch; null when it acts as none (admin).</param>
/// <param name="Path">The route's parameters as chosen; on a 2xx they are ids the server accepted.</param>
/// <param name="Label">How it was made (valid, hostile body, bad signature...), to read reports by.</param>
public sealed record FuzzRequest(
    string Method,
    string Route,
    string Url,
    IReadOnlyList<(string Name, string Value)> Headers,
    string? ContentType,
    byte[]? Body,
    FuzzAccount? Account,
    IReadOnlyDictionary<string, string> Path,
    string Label)
{
    /// <summary>Values to add to the account's pools when the server accepts the request (e.g. a webhook's event id, to replay).</summary>
    public IReadOnlyList<(string Pool, string Value)> Remember { get; init; } = [];

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if (Body is not null || ContentType is not null)
        {
            message.Content = new ByteArrayContent(Body ?? []);
            message.Content.Headers.ContentType = null;
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    /// <summary>The request as a report shows it: line, headers, and the body's start (escaped, with its length).</summary>
    public string Describe(int bodyChars = 400)
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').Append(Escape(Shorten(Url, 300))).Append("   [").Append(Label).AppendLine("]");
        foreach (var (name, value) in Headers)
        {
            text.Append("  ").Append(name).Append(": ").AppendLine(Escape(Shorten(value, 120)));
        }
        if (ContentType is not null)
        {
            text.Append("  Content-Type: ").AppendLine(Escape(Shorten(ContentType, 120)));
        }
        if (Body is not null)
        {
            var shown = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, bodyChars));
            text.Append("  body (").Append(Body.Length).Append(" bytes): ").AppendLine(Escape(shown) + (Body.Length > bodyChars ? "…" : ""));
        }
        return text.ToString();
    }

    public static string Shorten(string value, int max) => value.Length <= max ? value : value[..max] + $"…(+{value.Length - max} chars)";

    /// <summary>
    /// Control characters and lone surrogates made visible, so a report never garbles the terminal, hides a NUL,
    /// or fails to be written as UTF-8.
    /// </summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                text.Append($"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
