using Dnd.Crm.Messaging;
using Microsoft.AspNetCore.DataProtection;

namespace Dnd.Host.Preferences;

/// <summary>What a confirmation link says: this contact asked, at this ledger line, to get e-mail at this address again.</summary>
public sealed record EmailConfirmClaim(string AccountId, string ContactId, string Email, long RequestSequence);

/// <summary>
/// The signed, expiring link a double opt-in e-mail carries (Data Protection, time-limited: tamper-proof and unreadable
/// outside the server). Used once: its request's ledger line is claimed when it confirms.
/// </summary>
public sealed class EmailConfirmLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Dnd.Preferences.EmailConfirm").ToTimeLimitedDataProtector();

    public string Create(EmailConfirmClaim claim) =>
        _protector.Protect($"{claim.AccountId}\n{claim.ContactId}\n{claim.Email}\n{claim.RequestSequence}", clock.GetUtcNow() + OptInConfirmation.LinkLifetime);

    public enum Reading { Valid, Invalid, Expired }

    public Reading TryRead(string token, out EmailConfirmClaim? claim)
    {
        claim = null;
        try
        {
            var parts = _protector.Unprotect(token, out var expires).Split('\n');
            if (parts.Length != 4 || !long.TryParse(parts[3], out var sequence))
            {
                return Reading.Invalid;
            }
            // Data Protection checks expiry against the system clock; ours is the one tests move.
            if (clock.GetUtcNow() > expires)
            {
                return Reading.Expired;
            }
            claim = new EmailConfirmClaim(parts[0], parts[1], parts[2], sequence);
            return Reading.Valid;
        }
        catch (System.Security.Cryptography.CryptographicException e) when (e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase))
        {
            return Reading.Expired;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return Reading.Invalid;
        }
    }
}
