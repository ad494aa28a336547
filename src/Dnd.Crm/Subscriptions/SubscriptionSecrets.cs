using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Dnd.Crm.Subscriptions;

/// <summary>
/// Makes a subscription's signing secret and keeps it protected at rest with Data Protection (the key ring the
/// integrations' secrets use). Not hashed: the dispatcher needs the secret itself to sign.
/// </summary>
public sealed class SubscriptionSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Dnd.Webhooks.SubscriptionSecret.v1");

    /// <summary>32 random bytes, "whsec_" and base64url: recognisable in a receiver's configuration.</summary>
    public static string New() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
