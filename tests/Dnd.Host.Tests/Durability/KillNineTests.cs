using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using Dnd.Host.Webhooks;
using Xunit.Abstractions;

namespace Dnd.Host.Tests.Durability;

public sealed class KillNineSqliteTests(ITestOutputHelper output) : KillNineTests(output)
{
    private readonly string _file = TempFiles.NewDatabase();

    protected override IReadOnlyDictionary<string, string> Database => new Dictionary<string, string>
    {
        ["Dnd__Database__Provider"] = "sqlite", ["Dnd__Database__ConnectionString"] = $"Data Source={_file}",
    };
}

[Collection(PostgresCollection.Name)]
public sealed class KillNinePostgresTests(PostgresServer postgres, ITestOutputHelper output) : KillNineTests(output)
{
    private readonly string _connectionString = postgres.NewDatabase();

    protected override IReadOnlyDictionary<string, string> Database => new Dictionary<string, string>
    {
        ["Dnd__Database__Provider"] = "postgres", ["Dnd__Database__ConnectionString"] = _connectionString,
    };

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
    private const string KeywordRule = "InboundOptOutKeyword";

    /// <summary>Dnd__Database__* of a database of this test's own; restarts reuse it.</summary>
    protected abstract IReadOnlyDictionary<string, string> Database { get; }

    /// <summary>Kill, restart and check this many times in the one test.</summary>
    protected virtual int Cycles => 3;

    private sealed record Account(string Id, string ApiKey, string TwilioToken);

    /// <summary>One contact's STOP in a cycle, and what became of it before the kill.</summary>
    private sealed class Stop(string contactId, string phone)
    {
        public string ContactId { get; } = contactId;
        public string Phone { get; } = phone;
        public string Sid { get; } = "SM" + Guid.NewGuid().ToString("N");

        /// <summary>The request was handed to the network (it may or may not have reached the server).</summary>
        public bool Sent;

        /// <summary>The server's status code, 0 when none arrived (killed first, or the connection broke).</summary>
        public int Status;

        public bool Answered2xx => Status is >= 200 and < 300;
    }

    private sealed record Seen(string SmsStatus, int AppliedKeywordLines, int LedgerLines);

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
                var stops = await CreateContactsAsync(server, account, cycle);
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

    private static Task<HttpResponseMessage> PostStopAsync(HttpClient http, Account account, Stop stop)
    {
        var path = $"/webhooks/twilio/{account.Id}/sms";
        var form = new Dictionary<string, string> { ["MessageSid"] = stop.Sid, ["From"] = stop.Phone, ["To"] = "+15550009999", ["Body"] = "STOP" };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(account.TwilioToken, HostProcess.PublicBaseUrl + path, form));
        return http.SendAsync(request);
    }

    private static async Task<Account> CreateAccountAsync(HostProcess server)
    {
        using var admin = server.Client();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", HostProcess.AdminKey);
        var id = "kill9-" + Guid.NewGuid().ToString("N")[..10];
        var token = "twilio-" + id;
        var response = await admin.PostAsJsonAsync("/admin/accounts", new { id, name = id, twilioAuthToken = token, mailgunSigningKey = "mailgun-" + id });
        await Http.EnsureAsync(response, 201);
        return new Account(id, (await Http.JsonAsync(response)).GetProperty("apiKey").GetString()!, token);
    }

    private static async Task<Stop[]> CreateContactsAsync(HostProcess server, Account account, int cycle)
    {
        using var api = server.Client(account.ApiKey);
        var stops = new Stop[ContactsPerCycle];
        await Parallel.ForAsync(0, ContactsPerCycle, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var phone = $"+1555{cycle}{i:000000}";
            var response = await api.PostAsJsonAsync("/contacts/", new { phone, firstName = $"Kill {cycle}-{i}" }, ct);
            await Http.EnsureAsync(response, 201);
            stops[i] = new Stop((await Http.JsonAsync(response)).GetProperty("contact").GetProperty("id").GetString()!, phone);
        });
        return stops;
    }

    /// <summary>Each contact's SMS DND status and ledger, as the (restarted) server shows them.</summary>
    private static async Task<IReadOnlyDictionary<string, Seen>> ReadAsync(HostProcess server, Account account, IEnumerable<Stop> stops)
    {
        using var api = server.Client(account.ApiKey);
        var seen = new ConcurrentDictionary<string, Seen>();
        await Parallel.ForEachAsync(stops, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (stop, ct) =>
        {
            var contactResponse = await api.GetAsync($"/contacts/{stop.ContactId}", ct);
            await Http.EnsureAsync(contactResponse, 200);
            var status = (await Http.JsonAsync(contactResponse)).GetProperty("contact").GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString()!;
            var ledgerResponse = await api.GetAsync($"/contacts/{stop.ContactId}/dnd/ledger", ct);
            await Http.EnsureAsync(ledgerResponse, 200);
            var entries = (await Http.JsonAsync(ledgerResponse)).GetProperty("entries").EnumerateArray().ToList();
            var applied = entries.Count(e => Text(e, "channel") == "SMS" && Text(e, "verdict") == "Applied" && Text(e, "rule") == KeywordRule);
            seen[stop.ContactId] = new Seen(status, applied, entries.Count);
        });
        return seen;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
