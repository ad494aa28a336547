namespace Dnd.Host.Api.Accounts;

public sealed record UserResponse(string Id, string Email, string? AccountId, string Role);
