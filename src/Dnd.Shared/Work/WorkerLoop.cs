namespace Dnd.Shared.Work;

/// <summary>
/// A background worker's loop: a pass (which waits for its wake-up or poll itself) again and again until the stop. A
/// stop mid-pass ends it cleanly — an exception out of ExecuteAsync would count as a fault, and the host would stop the
/// whole application for it — and a pass that fails is reported and tried again after <c>retryAfter</c>, so a database
/// that is away for a while does not spin the loop.
/// </summary>
public static class WorkerLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> pass, Action<Exception> failed, TimeSpan retryAfter, TimeProvider clock,
        CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await pass(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failed(e);
                await Task.Delay(retryAfter, clock, stopping);
            }
        }
    }
}
