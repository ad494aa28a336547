using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using Dnd.Host.Webhooks;
using Xunit.Abstractions;
using static Dnd.Host.Tests.Durability.TwilioStops;

namespace Dnd.Host.Tests.Durability;

public sealed class KillNineSqliteTests(ITestOutputHelper output) : KillNineTests(output)
{
    protected override IReadOnlyDictionary<string, string> Database { get; } = ServerDatabase.Sqlite(TempFiles.NewDatabase());
}

[Collection(PostgresCollection.Name)]
public sealed class KillNinePostgresTests(PostgresServer postgres, ITestOutputHelper output) : KillNineTests(output)
{
    protected override IReadOnlyDictionary<string, string> Database { get; } = ServerDatabase.Postgres(postgres.NewDatabase());

    /// <summary>Two: each write is its own transaction here (no group commit), and PostgreSQL writes are slower on a small machine.</summary>
    protected override int Cycles => 2;
}

/// <summary>
/// Durability is not traded for throughput: the real server, as its own process, takes signed Twilio STOPs from
/// many clients and is killed with SIGKILL in the middle of the load. After a restart on the same database every
/// STOP that got a 2xx is applied, none is applied twice, and a redelivery of any of them (Twilio retries) changes
/// nothing, while a redelivery of one that got no answer applies it exactly once. Several kill cycles per run.
/// </summary>
public abstract class KillNineTests(ITestOutputHelper output)
{
    private const int ContactsPerCycle = 200;
    private const int Clients = 32;
    private const int ResentPerCycle = 25;

    /// <summary>Dnd__Database__* of a database of this test's own; restarts reuse it.</summary>
    protected abstract IReadOnlyDictionary<string, string> Database { get; }

    /// <summary>Kill, restart and check this many times in the one test.</summary>
    protected virtual int Cycles => 3;

    [Fact]
    public async Task Every_stop_answered_2xx_survives_kill_9_and_none_is_applied_twice()
    {
        var clock = Stopwatch.StartNew();
        var seed = Environment.GetEnvironmentVariable("DND_KILLNINE_SEED") is { Length: > 0 } s ? int.Parse(s) : Random.Shared.Next();
        var random = new Random(seed);
        var logs = TempFiles.NewFolder();
        output.WriteLine($"server {HostProcess.DllPath}, seed {seed}, logs {logs}");
        var server = await HostProcess.StartAsync(Database, logs);
        try
        {
            var account = await CreateAccountAsync(server);
            for (var cycle = 1; cycle <= Cycles; cycle++)
            {
                var phase = Stopwatch.StartNew();
                var stops = await CreateContactsAsync(server, account, cycle, ContactsPerCycle);
                var created = phase.Elapsed;
                // A random moment in the middle of the load: after a quarter to three quarters of the STOPs were answered.
                var killAfter = random.Next(ContactsPerCycle / 4, ContactsPerCycle * 3 / 4);
                phase.Restart();
                var errorsBeforeKill = await StopUntilKilledAsync(server, account, stops, killAfter);
                var loaded = phase.Elapsed;
                var killedPid = server.Pid;

                server = await HostProcess.StartAsync(Database, logs);
                var seen = await ReadAsync(server, account, stops);

                var answered = stops.Where(x => x.Answered2xx).ToList();
                var inFlight = stops.Where(x => x.Sent && x.Status == 0).ToList();
                var applied = stops.Where(x => seen[x.ContactId].SmsStatus == "permanent").ToList();
                output.WriteLine($"cycle {cycle}: {ContactsPerCycle} contacts created in {created.TotalMilliseconds:N0} ms; STOPs from {Clients} clients for " +
                                 $"{loaded.TotalMilliseconds:N0} ms, SIGKILL to pid {killedPid} after {killAfter} answers; {stops.Count(x => x.Sent)} sent, " +
                                 $"{answered.Count} answered 2xx before the kill, {inFlight.Count} in flight (no answer), " +
                                 $"{stops.Count(x => !x.Sent)} never sent; after restart ({server.StartupTime.TotalMilliseconds:N0} ms) " +
                                 $"{applied.Count} applied, of which {applied.Count(x => !x.Answered2xx)} without an answer");

                errorsBeforeKill.Should().BeEmpty("no request may fail while the server is up");
                stops.Where(x => x.Status != 0 && !x.Answered2xx).Select(x => $"{x.Sid}: {x.Status}").Should()
                    .BeEmpty("every answer before the kill is a 200");
                inFlight.Count.Should().BeLessThanOrEqualTo(Clients, "at most one request per client can be cut off");
                answered.Where(x => seen[x.ContactId].SmsStatus != "permanent")
                    .Select(x => $"{x.ContactId} ({x.Phone}, {x.Sid}) answered {x.Status} but SMS is '{seen[x.ContactId].SmsStatus}' after the restart")
                    .Should().BeEmpty("a STOP answered 2xx was committed before its answer, so the kill cannot have lost it");
                stops.Where(x => seen[x.ContactId].AppliedKeywordLines > 1)
                    .Select(x => $"{x.ContactId} ({x.Sid}) has {seen[x.ContactId].AppliedKeywordLines} applied keyword opt-outs")
                    .Should().BeEmpty("each contact got one STOP, so it was applied at most once");
                answered.Where(x => seen[x.ContactId].AppliedKeywordLines != 1)
                    .Select(x => $"{x.ContactId} ({x.Sid}) answered but has {seen[x.ContactId].AppliedKeywordLines} applied keyword opt-outs")
                    .Should().BeEmpty("an answered STOP left exactly one ledger line");
                stops.Where(x => !x.Sent && (seen[x.ContactId].SmsStatus == "permanent" || seen[x.ContactId].AppliedKeywordLines != 0))
                    .Select(x => $"{x.ContactId} got no STOP but SMS is '{seen[x.ContactId].SmsStatus}'")
                    .Should().BeEmpty("a contact that was sent nothing is untouched");
                stops.Where(x => (seen[x.ContactId].SmsStatus == "permanent") != (seen[x.ContactId].AppliedKeywordLines == 1))
                    .Select(x => $"{x.ContactId}: SMS '{seen[x.ContactId].SmsStatus}' with {seen[x.ContactId].AppliedKeywordLines} applied keyword opt-outs")
                    .Should().BeEmpty("the ledger explains the state: the STOP's line and its effect committed together");

                await RedeliverAsync(server, account, answered.OrderBy(_ => random.Next()).Take(ResentPerCycle).ToList(), inFlight, seen);
            }
            output.WriteLine($"{Cycles} kill cycles in {clock.Elapsed.TotalSeconds:0.0} s");
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

    /// <summary>
    /// Twilio redelivers what it got no answer for, and may redeliver what it did. With the same MessageSid, an
    /// answered STOP is a 200 that writes nothing; one cut off by the kill is applied now if the kill lost it, and
    /// either way exactly once.
    /// </summary>
    private async Task RedeliverAsync(HostProcess server, Account account, List<Stop> answered, List<Stop> inFlight, IReadOnlyDictionary<string, Seen> before)
    {
        using var http = server.Client();
        var again = answered.Concat(inFlight).ToList();
        var statuses = await Task.WhenAll(again.Select(async x =>
        {
            using var response = await PostStopAsync(http, account, x);
            return (Stop: x, response.StatusCode);
        }));
        statuses.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => $"{r.Stop.Sid}: {(int)r.StatusCode}").Should()
            .BeEmpty("a redelivered STOP is answered 200");

        var after = await ReadAsync(server, account, again);
        answered.Where(x => after[x.ContactId] != before[x.ContactId])
            .Select(x => $"{x.ContactId} ({x.Sid}): {before[x.ContactId]} before the redelivery, {after[x.ContactId]} after")
            .Should().BeEmpty("the idempotency record committed with the STOP, so its redelivery after the crash adds nothing");
        inFlight.Where(x => after[x.ContactId] is not { SmsStatus: "permanent", AppliedKeywordLines: 1 })
            .Select(x => $"{x.ContactId} ({x.Sid}): {after[x.ContactId]} after the redelivery")
            .Should().BeEmpty("a STOP cut off by the kill and delivered again is applied exactly once");
        output.WriteLine($"  redelivered {answered.Count} answered STOPs (no change) and {inFlight.Count} cut-off STOPs (now applied once)");
    }

    /// <summary>32 clients post one STOP per contact; the moment the killAfter-th 2xx arrives the server gets SIGKILL.</summary>
    /// <returns>Failures seen while the server was still up (there should be none).</returns>
    private static async Task<List<string>> StopUntilKilledAsync(HostProcess server, Account account, Stop[] stops, int killAfter)
    {
        var next = -1;
        var answered = 0;
        var killing = 0;
        var errors = new ConcurrentQueue<string>();
        var threshold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var http = server.Client(connections: Clients);
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < stops.Length)
            {
                var stop = stops[i];
                Volatile.Write(ref stop.Sent, true);
                try
                {
                    using var response = await PostStopAsync(http, account, stop);
                    // Only a response that arrived counts: the server has said 200 for this STOP.
                    Volatile.Write(ref stop.Status, (int)response.StatusCode);
                    if (response.IsSuccessStatusCode && Interlocked.Increment(ref answered) == killAfter)
                    {
                        // Right here, as the answer arrives: the answered write with the least time to be made
                        // durable is the one a crash would catch if the server answered before committing.
                        Volatile.Write(ref killing, 1);
                        server.Kill();
                        threshold.TrySetResult();
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (Volatile.Read(ref killing) == 0)
                    {
                        errors.Enqueue($"{stop.Sid}: {e.Message}");
                    }
                    return;
                }
            }
        })).ToArray();
        var all = Task.WhenAll(clients);
        await Task.WhenAny(threshold.Task, all);
        Volatile.Write(ref killing, 1);
        await server.KillAsync();
        await all.WaitAsync(TimeSpan.FromSeconds(30));
        return [.. errors];
    }
}
