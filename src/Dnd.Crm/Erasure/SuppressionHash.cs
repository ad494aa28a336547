using System.Security.Cryptography;
using System.Text;

namespace Dnd.Crm.Erasure;

/// <summary>
/// How an erased address is kept: HMAC-SHA256 of the normalized address under the account's salt. Without the salt a
/// hash cannot be tested against guessed phone numbers, and the same address in two accounts cannot be linked.
/// </summary>
public static class SuppressionHash
{
    public const int SaltBytes = 32;

    /// <param name="normalizedAddress">E.164 phone or lower-cased email, as <see cref="Consent.Addresses"/> makes them.</param>
    public static string Of(byte[] accountSalt, string normalizedAddress) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(accountSalt, Encoding.UTF8.GetBytes(normalizedAddress)));

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    /// <summary>What an erased address's own ledger lines are filed under instead of the address.</summary>
    public static string LedgerSubject(string hash) => $"erased:{hash}";
}
