namespace Dnd.Workflows.Activities;

/// <summary>
/// Declares how often a step of this activity is tried when it throws, and how long it waits in between (as Elsa's
/// retry policies do): <paramref name="maxAttempts"/> counts the first try, so 3 is one try and two retries, the first
/// after <paramref name="firstDelaySeconds"/>, each later one <paramref name="factor"/> times the one before. An
/// activity without it is tried once: its failure is an incident at once.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RetryAttribute(int maxAttempts, double firstDelaySeconds, double factor = 2) : Attribute
{
    public RetryPolicy Policy { get; } = new(maxAttempts, TimeSpan.FromSeconds(firstDelaySeconds), factor);
}
