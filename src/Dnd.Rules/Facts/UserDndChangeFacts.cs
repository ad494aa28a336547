namespace Dnd.Rules.Facts;

/// <param name="Permanent">With Enable: the user records a permanent opt-out rather than an ordinary (active) one.</param>
public sealed record UserDndChangeFacts(bool Enable, bool Permanent);
