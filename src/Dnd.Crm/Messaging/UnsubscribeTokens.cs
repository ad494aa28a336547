using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Messaging;

/// <summary>
/// Signs unsubscribe links with HMAC-SHA256 so nobody can unsubscribe another contact by editing a URL.
/// Tokens do not expire: CAN-SPAM requires an unsubscribe link to keep working for at least 30 days, and an old
/// link that still works hurts nobody.
/// </summary>
public sealed class UnsubscribeTokens
{
    private readonly byte[] _key;

    public UnsubscribeTokens(IOptions<MessagingOptions> options)
    {
        var configured = options.Value.UnsubscribeSigningKey;
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);
    }

    public string Create(UnsubscribeClaim claim)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes($"{claim.AccountId}\n{claim.ContactId}\n{claim.MessageId}"));
        return $"{payload}.{Base64Url(Sign(payload))}";
    }

    public bool TryRead(string? token, out UnsubscribeClaim? claim)
    {
        claim = null;
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0)
        {
            return false;
        }
        var payload = token[..dot];
        byte[] signature;
        string[] parts;
        try
        {
            signature = FromBase64Url(token[(dot + 1)..]);
            parts = Encoding.UTF8.GetString(FromBase64Url(payload)).Split('\n');
        }
        catch (FormatException)
        {
            return false;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)) || parts.Length != 3)
        {
            return false;
        }
        claim = new UnsubscribeClaim(parts[0], parts[1], parts[2]);
        return true;
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
