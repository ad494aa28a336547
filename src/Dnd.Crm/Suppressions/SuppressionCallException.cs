namespace Dnd.Crm.Suppressions;

/// <summary>A call to the provider's suppression lists that did not do what was asked.</summary>
/// <param name="transient">Worth trying again later (refused, rate-limited, no answer).</param>
public sealed class SuppressionCallException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
