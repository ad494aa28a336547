using Dnd.Crm.Persistence;

namespace Dnd.Host.Tests.Persistence;

/// <summary>
/// The SQLite writer's turn: one holder at a time, priority waiters (the webhook batch writer) ahead of normal ones
/// even when those queued first, FIFO within each kind, cancelled waiters skipped, and a release with nobody waiting
/// frees the gate.
/// </summary>
public class TurnGateTests
{
    private static async Task<TurnGate> HeldAsync()
    {
        var gate = new TurnGate();
        var first = gate.WaitAsync(priority: false, CancellationToken.None);
        first.IsCompletedSuccessfully.Should().BeTrue("a free gate is taken at once");
        await first;
        return gate;
    }

    [Fact]
    public async Task A_free_gate_is_taken_at_once_and_then_held()
    {
        var gate = new TurnGate();

        gate.WaitAsync(priority: false, CancellationToken.None).IsCompletedSuccessfully.Should().BeTrue();
        var second = gate.WaitAsync(priority: true, CancellationToken.None);

        second.IsCompleted.Should().BeFalse("the gate is held: even a priority waiter waits for the release");
        gate.Release();
        second.IsCompletedSuccessfully.Should().BeTrue();
        await second;
    }

    [Fact]
    public async Task Priority_waiters_get_the_turn_before_earlier_normal_waiters_and_normal_ones_keep_their_order()
    {
        var gate = await HeldAsync();
        var normal1 = gate.WaitAsync(priority: false, CancellationToken.None);
        var normal2 = gate.WaitAsync(priority: false, CancellationToken.None);
        var priority = gate.WaitAsync(priority: true, CancellationToken.None);
        new[] { normal1, normal2, priority }.Should().OnlyContain(t => !t.IsCompleted, "the gate is held");

        gate.Release();
        priority.IsCompletedSuccessfully.Should().BeTrue("the priority waiter goes first although it queued last");
        normal1.IsCompleted.Should().BeFalse();
        normal2.IsCompleted.Should().BeFalse();

        gate.Release();
        normal1.IsCompletedSuccessfully.Should().BeTrue("normal waiters are served in the order they queued");
        normal2.IsCompleted.Should().BeFalse("only one holder at a time");

        gate.Release();
        normal2.IsCompletedSuccessfully.Should().BeTrue();

        var late = gate.WaitAsync(priority: true, CancellationToken.None);
        late.IsCompleted.Should().BeFalse("normal2 holds the turn");
        gate.Release();
        late.IsCompletedSuccessfully.Should().BeTrue();
        await Task.WhenAll(normal1, normal2, priority, late);
    }

    [Fact]
    public async Task Priority_waiters_are_served_in_the_order_they_queued()
    {
        var gate = await HeldAsync();
        var normal = gate.WaitAsync(priority: false, CancellationToken.None);
        var priority1 = gate.WaitAsync(priority: true, CancellationToken.None);
        var priority2 = gate.WaitAsync(priority: true, CancellationToken.None);

        gate.Release();
        priority1.IsCompletedSuccessfully.Should().BeTrue();
        priority2.IsCompleted.Should().BeFalse();
        normal.IsCompleted.Should().BeFalse();

        gate.Release();
        priority2.IsCompletedSuccessfully.Should().BeTrue();
        normal.IsCompleted.Should().BeFalse();

        gate.Release();
        normal.IsCompletedSuccessfully.Should().BeTrue();
        await Task.WhenAll(normal, priority1, priority2);
    }

    [Fact]
    public async Task A_cancelled_waiter_is_skipped_and_the_next_one_gets_the_turn()
    {
        var gate = await HeldAsync();
        using var cancel = new CancellationTokenSource();
        var impatient = gate.WaitAsync(priority: false, cancel.Token);
        var patient = gate.WaitAsync(priority: false, CancellationToken.None);

        cancel.Cancel();
        impatient.IsCanceled.Should().BeTrue("its wait was cancelled");
        await impatient.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        patient.IsCompleted.Should().BeFalse("cancelling a waiter does not release the gate");

        gate.Release();
        patient.IsCompletedSuccessfully.Should().BeTrue("the cancelled waiter ahead of it cannot take the turn");
        await patient;

        // The turn really passed to the patient waiter: the gate is still held.
        var next = gate.WaitAsync(priority: false, CancellationToken.None);
        next.IsCompleted.Should().BeFalse("the patient waiter holds the turn now");
        gate.Release();
        next.IsCompletedSuccessfully.Should().BeTrue();
        await next;
    }

    [Fact]
    public async Task A_cancelled_priority_waiter_is_skipped_for_a_normal_one()
    {
        var gate = await HeldAsync();
        using var cancel = new CancellationTokenSource();
        var normal = gate.WaitAsync(priority: false, CancellationToken.None);
        var priority = gate.WaitAsync(priority: true, cancel.Token);

        cancel.Cancel();
        priority.IsCanceled.Should().BeTrue();

        gate.Release();
        normal.IsCompletedSuccessfully.Should().BeTrue();
        await normal;
    }

    [Fact]
    public async Task Release_with_only_cancelled_waiters_frees_the_gate()
    {
        var gate = await HeldAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = new[]
        {
            gate.WaitAsync(priority: false, cancel.Token),
            gate.WaitAsync(priority: true, cancel.Token),
        };
        cancel.Cancel();
        cancelled.Should().OnlyContain(t => t.IsCanceled);

        gate.Release();

        var next = gate.WaitAsync(priority: false, CancellationToken.None);
        next.IsCompletedSuccessfully.Should().BeTrue("nobody still waiting took the turn, so it was freed");
        await next;
    }

    [Fact]
    public async Task Release_with_nobody_waiting_frees_the_gate()
    {
        var gate = await HeldAsync();

        gate.Release();

        var next = gate.WaitAsync(priority: false, CancellationToken.None);
        next.IsCompletedSuccessfully.Should().BeTrue("the gate was freed, so the next wait completes synchronously");
        await next;
        gate.WaitAsync(priority: false, CancellationToken.None).IsCompleted.Should().BeFalse("and it is held again");
    }
}
