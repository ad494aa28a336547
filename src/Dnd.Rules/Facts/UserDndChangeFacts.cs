namespace Dnd.Rules.Facts;

/// <param name="Channel">A channel wire name, or "all".</param>
public sealed record UserDndChangeFacts(bool Enable, string Channel);
