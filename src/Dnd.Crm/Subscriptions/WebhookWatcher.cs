using Dnd.Crm.Persistence;

namespace Dnd.Crm.Subscriptions;

/// <summary>Wakes the dispatcher once a write that staged deliveries commits, instead of at its next poll.</summary>
public sealed class WebhookWatcher : ICommitWatcher
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public bool Wants(object row) => row is WebhookDeliveryRecord;

    public void Committed()
    {
        // One pending wake is enough: the pass it starts reads every due delivery.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <returns>Once woken, or after <paramref name="timeout"/>.</returns>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
