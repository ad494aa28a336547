using Dnd.Host.Startup;
using Dnd.Host.Tests.Durability;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Startup;

/// <summary>
/// Requests are let in once the server is prepared, while its background services may still be starting: a stop in
/// that window (an orchestrator's SIGTERM right after the first healthy answer) is a graceful stop, not a failed start.
/// </summary>
public class StopWhileStartingTests
{
    [Fact]
    public async Task A_stop_while_the_server_is_starting_ends_its_start_without_failing_it()
    {
        var preparation = new ServerPreparation(new ServiceCollection().BuildServiceProvider());
        preparation.Track(new TaskCompletionSource().Task); // a service whose start has not ended
        using var stopping = new CancellationTokenSource();

        var started = preparation.StartedAsync(stopping.Token);
        await stopping.CancelAsync();

        await started.Invoking(s => s.WaitAsync(TimeSpan.FromSeconds(5))).Should().NotThrowAsync("a stop while starting is not a failed start");
    }

    [Fact]
    public async Task A_sigterm_right_after_the_first_healthy_answer_exits_0()
    {
        var logs = TempFiles.NewFolder();
        var server = await HostProcess.StartAsync(ServerDatabase.Sqlite(TempFiles.NewDatabase()), logs);
        await using var _ = server;
        server.Terminate();

        (await server.ExitCodeAsync(TimeSpan.FromSeconds(30))).Should().Be(0, $"a graceful stop; the log ends:\n{server.Tail()}");
        server.Tail().Should().NotContain("Hosting failed to start");
    }
}
