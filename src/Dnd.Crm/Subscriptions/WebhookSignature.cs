using System.Security.Cryptography;
using System.Text;

namespace Dnd.Crm.Subscriptions;

/// <summary>
/// X-Dnd-Signature: "t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;". The time is
/// inside what is signed, so a receiver that rejects an old t rejects a replayed delivery (README, Outbound webhooks).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Dnd-Signature";

    public static string Compute(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
