namespace Dnd.Host.Tests.Infrastructure;

/// <summary>Waits for background work (triggers, timers) with a deadline, instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"Timed out after {timeoutMs} ms waiting for {what}; last value: {last}");
    }
}
