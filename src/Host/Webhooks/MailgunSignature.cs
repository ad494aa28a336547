using System.Security.Cryptography;
using System.Text;

namespace Dnd.Host.Webhooks;

/// <summary>Mailgun's webhook signature: hex(HMAC-SHA256(signing key, timestamp + token)).</summary>
public static class MailgunSignature
{
    public static string Compute(string signingKey, string timestamp, string token) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token))).ToLowerInvariant();

    public static bool IsValid(string signingKey, string? timestamp, string? token, string? signature) =>
        timestamp is not null && token is not null && signature is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(signingKey, timestamp, token)),
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}
