namespace Dnd.Host.Startup;

/// <summary>
/// A background service (a worker, the data-protection key ring's loader) started only once the database is prepared:
/// before that its tables may not exist yet. Stopping before it started cancels the start; a start that fails fails the
/// host's start (<see cref="ServerPreparation.StartedAsync"/> awaits it).
/// </summary>
public sealed class AfterPreparation(IHostedService inner, ServerPreparation preparation) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _started = Task.CompletedTask;

    public Task StartAsync(CancellationToken ct)
    {
        _started = StartWhenPreparedAsync();
        preparation.Track(_started);
        return Task.CompletedTask;
    }

    private async Task StartWhenPreparedAsync()
    {
        try
        {
            await preparation.Prepared.WaitAsync(_stopping.Token);
        }
        catch (Exception)
        {
            return; // stopped first, or the preparation failed (the host's start fails with it)
        }
        await inner.StartAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        try
        {
            await _started;
        }
        catch (Exception)
        {
            return; // it never started (its failure failed the host's start)
        }
        if (preparation.Prepared.IsCompletedSuccessfully)
        {
            await inner.StopAsync(ct);
        }
    }
}
