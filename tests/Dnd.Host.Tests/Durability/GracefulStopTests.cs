using System.Diagnostics;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using Xunit.Abstractions;
using static Dnd.Host.Tests.Durability.TwilioStops;

namespace Dnd.Host.Tests.Durability;

public sealed class GracefulStopSqliteTests(ITestOutputHelper output) : GracefulStopTests(output)
{
    protected override IReadOnlyDictionary<string, string> Database { get; } = ServerDatabase.Sqlite(TempFiles.NewDatabase());
}

[Collection(PostgresCollection.Name)]
public sealed class GracefulStopPostgresTests(PostgresServer postgres, ITestOutputHelper output) : GracefulStopTests(output)
{
    protected override IReadOnlyDictionary<string, string> Database { get; } = ServerDatabase.Postgres(postgres.NewDatabase());
}

/// <summary>
/// SIGTERM in the middle of a load of signed Twilio STOPs: the server stops taking requests, finishes the ones it holds
/// and exits 0 within its shutdown timeout. After a restart every STOP answered 2xx is applied exactly once, and — unlike
/// a kill -9 — none that went unanswered was applied: the drain answered everything it applied.
/// </summary>
public abstract class GracefulStopTests(ITestOutputHelper output)
{
    private const int Contacts = 300;
    private const int Clients = 32;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Dnd__Database__* of a database of this test's own; the restart reuses it.</summary>
    protected abstract IReadOnlyDictionary<string, string> Database { get; }

    private IReadOnlyDictionary<string, string> Settings => Database.Append(new("Dnd__ShutdownTimeout", ShutdownTimeout.ToString())).ToDictionary();

    [Fact]
    public async Task A_sigterm_under_load_drains_what_is_in_flight_loses_no_2xx_applies_nothing_twice_and_exits_0()
    {
        var logs = TempFiles.NewFolder();
        var server = await HostProcess.StartAsync(Settings, logs);
        try
        {
            var account = await CreateAccountAsync(server);
            var stops = await CreateContactsAsync(server, account, 1, Contacts);
            var (errorsBefore, stopping, drained) = await StopUntilTerminatedAsync(server, account, stops, terminateAfter: Random.Shared.Next(Contacts / 4, Contacts / 2));
            var exitCode = await server.ExitCodeAsync(ShutdownTimeout + TimeSpan.FromSeconds(10));
            var exitedIn = stopping.Elapsed;

            server = await HostProcess.StartAsync(Settings, logs);
            var seen = await ReadAsync(server, account, stops);
            var answered = stops.Where(x => x.Answered2xx).ToList();
            var unanswered = stops.Where(x => x.Sent && x.Status == 0).ToList();
            output.WriteLine($"{answered.Count} STOPs answered 2xx ({drained} of them after the SIGTERM), {unanswered.Count} sent but cut off, {stops.Count(x => !x.Sent)} never sent; " +
                             $"exit code {exitCode} {exitedIn.TotalMilliseconds:N0} ms after SIGTERM");

            exitCode.Should().Be(0, "a SIGTERM is a graceful stop, finished within the shutdown timeout");
            errorsBefore.Should().BeEmpty("no request fails before the stop");
            drained.Should().BeGreaterThan(0, "the requests in flight at the SIGTERM are finished and answered, not cut");
            stops.Where(x => x.Status != 0 && !x.Answered2xx).Select(x => $"{x.Sid}: {x.Status}").Should().BeEmpty("the drain answers 200 or closes; never a 5xx");
            answered.Where(x => seen[x.ContactId] is not { SmsStatus: "permanent", AppliedKeywordLines: 1 })
                .Select(x => $"{x.ContactId} ({x.Sid}) answered {x.Status}: {seen[x.ContactId]}").Should().BeEmpty("an answered STOP is applied exactly once");
            stops.Where(x => !x.Answered2xx && seen[x.ContactId].AppliedKeywordLines != 0)
                .Select(x => $"{x.ContactId} ({x.Sid}) got no answer but is {seen[x.ContactId]}")
                .Should().BeEmpty("a graceful stop finishes and answers what it applies; what it cut off it never applied");

            // Twilio retries what got no answer: each applied once now.
            using var http = server.Client();
            foreach (var stop in unanswered)
            {
                await Http.EnsureAsync(await PostStopAsync(http, account, stop), 200);
            }
            var after = await ReadAsync(server, account, unanswered);
            unanswered.Where(x => after[x.ContactId] is not { SmsStatus: "permanent", AppliedKeywordLines: 1 })
                .Select(x => $"{x.ContactId}: {after[x.ContactId]}").Should().BeEmpty();
        }
        catch
        {
            output.WriteLine("server log tail:\n" + server.Tail());
            throw;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Clients post one STOP per contact; the moment the terminateAfter-th 2xx arrives the server gets SIGTERM, and clients go on until refused.</summary>
    /// <returns>Failures before the SIGTERM (there should be none), a stopwatch started at it, and how many 2xx arrived after it.</returns>
    private static async Task<(List<string> Errors, Stopwatch Stopping, int Drained)> StopUntilTerminatedAsync(HostProcess server, Account account, Stop[] stops, int terminateAfter)
    {
        var next = -1;
        var answered = 0;
        var terminated = 0;
        var drained = 0;
        var stopping = new Stopwatch();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var http = server.Client(connections: Clients);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < stops.Length)
            {
                var stop = stops[i];
                Volatile.Write(ref stop.Sent, true);
                try
                {
                    using var response = await PostStopAsync(http, account, stop);
                    Volatile.Write(ref stop.Status, (int)response.StatusCode);
                    if (response.IsSuccessStatusCode && Volatile.Read(ref terminated) == 1)
                    {
                        Interlocked.Increment(ref drained);
                    }
                    if (response.IsSuccessStatusCode && Interlocked.Increment(ref answered) == terminateAfter)
                    {
                        stopping.Start();
                        Volatile.Write(ref terminated, 1);
                        server.Terminate();
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (Volatile.Read(ref terminated) == 0)
                    {
                        errors.Enqueue($"{stop.Sid}: {e.Message}");
                    }
                    return;
                }
            }
        })));
        return ([.. errors], stopping, drained);
    }
}
