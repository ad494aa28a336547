namespace Dnd.Host.Api.Accounts;

/// <param name="ApiKey">Shown once: only its hash is stored.</param>
public sealed record ApiKeyResponse(string AccountId, string ApiKey);
