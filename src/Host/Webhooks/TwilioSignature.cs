using System.Security.Cryptography;
using System.Text;

namespace Dnd.Host.Webhooks;

/// <summary>
/// Twilio's X-Twilio-Signature: Base64(HMAC-SHA1(auth token, full URL + each POST parameter's name and value,
/// sorted by name)). The URL is the public one Twilio called, so it is built from the configured base URL.
/// </summary>
public static class TwilioSignature
{
    private const string BodyHashParameter = "bodySHA256";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature) =>
        !string.IsNullOrEmpty(signature) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(authToken, url, parameters)), Encoding.ASCII.GetBytes(signature));

    /// <summary>
    /// Valid for the URL or one of its <see cref="PortVariants"/>: Twilio's back end signs some requests with the
    /// port and some without, so its own validators (twilio-csharp, twilio-node) accept either.
    /// </summary>
    public static bool IsValidForAnyPort(string authToken, string url, IReadOnlyCollection<KeyValuePair<string, string>> parameters, string? signature) =>
        PortVariants(url).Any(variant => IsValid(authToken, variant, parameters, signature));

    /// <summary>
    /// The URL as given, without its port, and with its port (the explicit one, else 443 for https and 80 for
    /// http). The union of what twilio-csharp (as given, then the other form) and twilio-node (without, then
    /// with) try. Only the authority is edited, so the path and query stay byte for byte what Twilio signed.
    /// </summary>
    public static IReadOnlyList<string> PortVariants(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return [url];
        }
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        // Credentials (user:pass@) are kept; the port is after the last ':' that is not inside an IPv6 literal.
        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        hostStart = hostStart == 0 ? authorityStart : hostStart;
        var colon = url.LastIndexOf(':', authorityEnd - 1, authorityEnd - hostStart);
        if (colon >= 0 && url.IndexOf(']', colon, authorityEnd - colon) >= 0)
        {
            colon = -1;
        }
        var hostEnd = colon < 0 ? authorityEnd : colon;
        var port = colon < 0 ? "" : url[(colon + 1)..authorityEnd];
        if (port.Length == 0)
        {
            port = url[..schemeEnd].ToLowerInvariant() switch { "https" => "443", "http" => "80", _ => "" };
        }
        var withoutPort = url[..hostEnd] + url[authorityEnd..];
        var variants = new List<string> { url, withoutPort };
        if (port.Length > 0)
        {
            variants.Add(url[..hostEnd] + ":" + port + url[authorityEnd..]);
        }
        return variants.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// For non-form bodies Twilio signs only the URL and puts the lowercase hex SHA-256 of the body in its
    /// bodySHA256 query parameter. twilio-csharp reads the last occurrence and twilio-node the first, so every
    /// occurrence must match: a request passes here only if it passes both.
    /// </summary>
    public static bool IsBodyHashValid(string url, ReadOnlySpan<byte> body)
    {
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(body)));
        var found = BodyHashes(url);
        return found.Count > 0 && found.All(hash => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(hash), expected));
    }

    /// <summary>bodySHA256 values in the URL's query, read like twilio-csharp: exact name, value unescaped.</summary>
    public static IReadOnlyList<string> BodyHashes(string url)
    {
        var queryStart = url.IndexOf('?');
        if (queryStart < 0)
        {
            return [];
        }
        var fragment = url.IndexOf('#', queryStart);
        var query = url[(queryStart + 1)..(fragment < 0 ? url.Length : fragment)];
        var hashes = new List<string>();
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals >= 0 && pair[..equals] == BodyHashParameter)
            {
                hashes.Add(Uri.UnescapeDataString(pair[(equals + 1)..]));
            }
        }
        return hashes;
    }
}
