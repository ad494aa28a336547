namespace Dnd.Crm.Persistence;

/// <summary>An API key, stored only as its SHA-256 so a database leak does not leak keys.</summary>
public sealed class ApiKeyRecord
{
    public required string KeyHash { get; set; }
    public required string AccountId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
