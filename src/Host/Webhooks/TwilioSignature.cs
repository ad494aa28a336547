using System.Security.Cryptography;
using System.Text;

namespace Dnd.Host.Webhooks;

/// <summary>
/// Twilio's X-Twilio-Signature: Base64(HMAC-SHA1(auth token, full URL + each POST parameter's name and value,
/// sorted by name)). The URL is the public one Twilio called, so it is built from the configured base URL.
/// </summary>
public static class TwilioSignature
{
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
}
