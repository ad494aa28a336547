using System.Security.Cryptography;
using System.Text;

namespace Dnd.Host.Webhooks;

/// <summary>Meta's X-Hub-Signature-256: "sha256=" + hex(HMAC-SHA256(app secret, the raw body as sent)).</summary>
public static class MetaSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static string Compute(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Compared in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    public static bool IsValid(string appSecret, ReadOnlySpan<byte> body, string? signature) =>
        !string.IsNullOrEmpty(signature) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(appSecret, body)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
}
