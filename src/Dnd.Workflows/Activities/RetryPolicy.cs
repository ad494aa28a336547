namespace Dnd.Workflows.Activities;

/// <summary>How many times a failing step is tried (the first try included) and the backoff between tries.</summary>
public sealed record RetryPolicy
{
    /// <summary>One try: a failure is an incident at once (an activity without [Retry]).</summary>
    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero, 1);

    public RetryPolicy(int maxAttempts, TimeSpan firstDelay, double factor)
    {
        // Checked when the registry is built, so a bad declaration stops the start rather than a step.
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        MaxAttempts = maxAttempts;
        FirstDelay = firstDelay;
        Factor = factor;
    }

    public int MaxAttempts { get; }

    public TimeSpan FirstDelay { get; }

    public double Factor { get; }

    /// <summary>The wait after failed attempt <paramref name="failed"/> (1-based), or null when none is left.</summary>
    public TimeSpan? DelayAfter(int failed) =>
        failed >= MaxAttempts ? null : FirstDelay * Math.Pow(Factor, failed - 1);
}
