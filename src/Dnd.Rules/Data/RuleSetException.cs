namespace Dnd.Rules.Data;

/// <summary>A rule file is malformed, incomplete or has an expression that does not compile.</summary>
public sealed class RuleSetException(string message, Exception? inner = null) : Exception(message, inner);
