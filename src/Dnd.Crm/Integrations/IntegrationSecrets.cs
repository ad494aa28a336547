using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Dnd.Crm.Integrations;

/// <summary>
/// Protects an integration's secrets at rest with ASP.NET Core Data Protection, whose key ring lives in the product's
/// database (so every replica and restart reads them). Unprotected only when an account is loaded into its cache.
/// </summary>
public sealed class IntegrationSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Dnd.Integrations.Secrets.v1");

    /// <summary>Makes the key ring now if there is none (at start-up, so it is never first written inside an account's write).</summary>
    public void EnsureKeyRing() => _protector.Protect([]);

    public string? Protect(IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? null : _protector.Protect(JsonSerializer.Serialize(secrets));

    public IReadOnlyDictionary<string, string> Unprotect(string? protectedSecrets) =>
        protectedSecrets is null ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedSecrets)) ?? [];
}
