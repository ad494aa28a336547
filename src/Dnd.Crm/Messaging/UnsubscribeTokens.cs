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

    /// <summary>
    /// A short token for a text's link: the message's id and 12 bytes of its signature, 38 characters (an SMS has
    /// little room). The message's row says whose it is.
    /// </summary>
    public string CreateShort(string messageId) =>
        Base64Url(Convert.FromHexString(messageId)) + Base64Url(Sign(ShortPayload(messageId))[..ShortSignatureBytes]);

    /// <returns>The message id a short token was made for, when its signature holds.</returns>
    public bool TryReadShort(string? token, out string? messageId)
    {
        messageId = null;
        if (token is not { Length: ShortTokenLength })
        {
            return false;
        }
        try
        {
            var id = Convert.ToHexString(FromBase64Url(token[..22])).ToLowerInvariant();
            if (!CryptographicOperations.FixedTimeEquals(FromBase64Url(token[22..]), Sign(ShortPayload(id))[..ShortSignatureBytes]))
            {
                return false;
            }
            messageId = id;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private const int ShortSignatureBytes = 12;
    private const int ShortTokenLength = 22 + 16;

    // Its own domain: a short token's signature can never pass for a long token's, nor the reverse.
    private static string ShortPayload(string messageId) => "sms\n" + messageId;

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
