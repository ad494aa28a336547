using System.Security.Cryptography;
using System.Text;

namespace Dnd.Host.Auth;

public static class ApiKeyHasher
{
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => "dnd_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
