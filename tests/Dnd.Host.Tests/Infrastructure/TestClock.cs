namespace Dnd.Host.Tests.Infrastructure;

/// <summary>
/// The system clock moved on by hand: a test skips a 30-second backoff instead of sleeping through it. Real time still
/// passes, so polling, timeouts and anything that waits keep working.
/// </summary>
public sealed class TestClock(TimeSpan offset = default) : TimeProvider
{
    private long _offsetTicks = offset.Ticks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
