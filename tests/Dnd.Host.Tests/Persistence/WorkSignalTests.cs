using Dnd.Shared.Signals;
using Dnd.Workflows.Persistence;

namespace Dnd.Host.Tests.Persistence;

/// <summary>The worker's wake-up: every pulse after a wait wakes the next wait, and pulsing costs no exception.</summary>
public class WorkSignalTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Many_pulses_make_one_wake_up_and_a_pulse_after_it_makes_the_next()
    {
        var signal = new WorkSignal();
        for (var i = 0; i < 1000; i++)
        {
            signal.Pulse();
        }
        (await signal.WaitAsync(Short, CancellationToken.None)).Should().BeTrue();
        (await signal.WaitAsync(Short, CancellationToken.None)).Should().BeFalse("the thousand pulses were one wake-up");

        signal.Pulse();
        (await signal.WaitAsync(Short, CancellationToken.None)).Should().BeTrue("a pulse after a wake-up is new work");
    }

    [Fact]
    public async Task A_pulse_while_the_worker_waits_wakes_it()
    {
        var signal = new WorkSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        signal.Pulse();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact]
    public void Pulsing_a_pending_signal_throws_nothing_even_inside()
    {
        var signal = new WorkSignal();
        var thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is SemaphoreFullException)
            {
                Interlocked.Increment(ref thrown);
            }
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var i = 0; i < 10_000; i++)
            {
                signal.Pulse();
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
        thrown.Should().Be(0, "a pulse on a pending signal is a no-op, not a caught exception (thousands a second under load)");
    }
}
