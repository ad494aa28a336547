using Dnd.Activities.Persistence;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Load;

/// <summary>One run of the harness, in order: HTTP and database ceilings, the server (empty start, account,
/// seeding, seeded start), warm-ups, the load scenarios, the correctness check, the workflow scenarios, the outbox's
/// delivery to a fake Twilio during the inbound webhook load (<see cref="DeliveryScenario"/>), the table.</summary>
public sealed partial class LoadRun(LoadOptions o, string[] args) : IAsyncDisposable
{
    private const string AdminKey = "bench-admin-key";
    private const string AccountId = "bench";
    private const string DeliveryAccountId = "bench-delivery";
    private const string SenderNumber = "+15005550006";
    /// <summary>Starts timed on each database (the last seeded one is the server the load runs against).</summary>
    private const int StartupSamples = 5;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Report _report = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("dnd-load-").FullName;
    private ServerProcess? _server;
    private LocalPostgres? _postgres;
    private HttpClient? _api;
    private string _provider = "sqlite";
    private string _connectionString = "";
    private bool _succeeded;
    private int? _minimalPid;
    private readonly Dictionary<string, double> _otherCores = new();
    private readonly List<(string Name, DateTimeOffset Start, DateTimeOffset End)> _phases = [];
    private CpuMeter _cpu = null!;
    private FakeTwilio? _twilio;
    private readonly string _twilioToken = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    private string Root => o.Root;
    private string Lua => Path.Combine(Root, "bench", "load", "requests.lua");
    private string WrkLog => Path.Combine(_scratch, "wrk.log");
    private string HostDll => Environment.GetEnvironmentVariable("LOAD_HOST_DLL") is { Length: > 0 } dll ? dll : Path.Combine(Root, "src", "Host", "bin", "Release", "net10.0", "Dnd.Host.dll");
    private string MinimalDll => Path.Combine(Root, "bench", "Dnd.Minimal", "bin", "Release", "net10.0", "Dnd.Minimal.dll");

    private void Step(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    /// <summary>The ceilings are steady: half the scenario time is enough, and keeps the run short.</summary>
    private int CeilingSeconds => Math.Max(2, (o.Seconds + 1) / 2);

    private int UniqueLines(int threads, int seconds) => (int)Math.Ceiling((double)o.MaxRate * seconds / threads) + 64;

    public async Task<int> ExecuteAsync()
    {
        Step($"scratch folder {_scratch}; {o.Seconds} s per scenario{(o.Quick ? " (quick)" : "")}; {(o.Postgres ? "PostgreSQL" : "SQLite")}");
        var wrk = Report.Shell("sh", "-c \"command -v wrk\"").Trim();
        if (wrk.Length == 0)
        {
            throw new InvalidOperationException("wrk is not installed (bench/load.sh installs it: apt-get install wrk)");
        }
        var people = new Population(o.Contacts, o.Instances);
        _cpu = new CpuMeter(() => _server?.Pid ?? _minimalPid, () => _postgres?.PostmasterPid);
        var load = File.ReadAllText("/proc/loadavg").Split(' ');
        _report.Notes.Add($"load average when the run started: {load[0]} {load[1]} {load[2]} (1, 5, 15 min) on {Environment.ProcessorCount} CPUs");

        // 1. HTTP ceiling: a minimal ASP.NET Core app under the same generator, the same connections; and the fake
        // Twilio the outbox will deliver to, alone, for what it costs the shared cores.
        var http = await MinimalCeilingAsync(wrk);
        _twilio = await FakeTwilio.StartAsync("AC" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), _twilioToken, [SenderNumber]);
        var fakeCeiling = await FakeTwilioCeilingAsync(wrk);

        // 2. Database ceiling, and the database the server will use.
        Ceilings.DbCeiling db;
        var dbSeconds = Math.Max(2, o.Seconds / 3.0);
        var (serverSync, syncWhere) = Ceilings.ServerSynchronous(Root);
        if (o.Postgres)
        {
            Step("starting a throwaway PostgreSQL");
            _postgres = await LocalPostgres.StartAsync(_scratch);
            await using (var create = new Npgsql.NpgsqlConnection(_postgres.ConnectionString("postgres")))
            {
                await create.OpenAsync();
                await new Npgsql.NpgsqlCommand("CREATE DATABASE ceiling", create).ExecuteNonQueryAsync();
            }
            Step($"raw PostgreSQL ceilings, {dbSeconds:0.#} s each");
            var before = _cpu.Take();
            db = await Ceilings.PostgresAsync(_postgres.ConnectionString("ceiling"), dbSeconds);
            Other("the PostgreSQL ceilings", before);
            _provider = "postgres";
            _connectionString = _postgres.ConnectionString("dnd_bench");
        }
        else
        {
            Step($"raw SQLite ceilings, {dbSeconds:0.#} s each (synchronous: {serverSync ?? "library default"}, {syncWhere})");
            var before = _cpu.Take();
            db = Ceilings.Sqlite(_scratch, serverSync, dbSeconds);
            Other("the SQLite ceilings", before);
            _connectionString = $"Data Source={Path.Combine(_scratch, "dnd.db")}";
        }
        var dbName = o.Postgres ? "raw PostgreSQL" : "raw SQLite";
        Step($"{dbName}: {db.CommitsPerSecond:N0} single-row commits/s, {db.BatchedRowsPerSecond:N0} rows/s in {Ceilings.BatchRows}-row transactions ({db.Setting})");
        _report.Notes.Add($"{dbName} ceiling runs with {db.Setting}" + (o.Postgres ? "" : $" (the server's setting: {serverSync ?? "none, so the library default"}; {syncWhere})") +
                          $"; rows are ledger-sized; single-row = one BEGIN IMMEDIATE/INSERT/COMMIT per row from one thread, batched = {Ceilings.BatchRows} rows per transaction.");

        // 3. The server: an empty start (schema), the account, seeding while it is stopped, the seeded start.
        var port = ServerProcess.FreePort();
        var publicBaseUrl = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string>
        {
            ["Dnd__Database__Provider"] = _provider,
            ["Dnd__Database__ConnectionString"] = _connectionString,
            ["Dnd__AdminKey"] = AdminKey,
            ["Dnd__Messaging__PublicBaseUrl"] = publicBaseUrl,
            ["Dnd__Messaging__UnsubscribeSigningKey"] = "bench-unsubscribe-signing-key",
            // README's deployment setting: two glibc malloc arenas instead of eight per core (SQLite allocates on every
            // pool thread); it can only be set before the process starts.
            ["MALLOC_ARENA_MAX"] = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2",
            // The outbox delivers to the fake (only the delivery account ever connects an integration).
            ["Dnd__Providers__Twilio__BaseUrl"] = _twilio.BaseUrl,
            ["Dnd__Providers__Twilio__MessagingBaseUrl"] = _twilio.BaseUrl,
            // Timestamps on the server's log lines, so its errors can be placed in the run's phases.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
        };
        var serverLog = Path.Combine(_scratch, "server.log");
        Task<ServerProcess> StartServerAsync(IReadOnlyDictionary<string, string> settings) =>
            ServerProcess.StartAsync(HostDll, Path.Combine(Root, "src", "Host"), settings, port, serverLog, TimeSpan.FromSeconds(120));
        Step($"starting the server on an empty database ({Path.GetRelativePath(Root, HostDll)})");
        _server = await StartServerAsync(environment);
        var startupEmpty = _server.StartupMs;
        var account = await CreateAccountAsync(_server.BaseUrl, AccountId);
        var deliveryAccount = await CreateAccountAsync(_server.BaseUrl, DeliveryAccountId);
        await _server.DisposeAsync();
        _server = null;

        Step($"seeding {o.Contacts:N0} contacts ({people.SmsBlockedCount:N0} with SMS DND active) through the server's EF model");
        var seedTime = await Seeder.SeedAsync(_provider, _connectionString, AccountId, people);
        Step($"seeded in {seedTime.TotalSeconds:0.0} s");
        var deliverySeed = await Seeder.SeedAsync(_provider, _connectionString, DeliveryAccountId, people, o.Delivery, DeliveryScenario.ContactId, _ => false);
        Step($"seeded {o.Delivery:N0} contacts of the delivery account ({DeliveryAccountId}, SMS open) in {deliverySeed.TotalSeconds:0.0} s");

        // One start is one sample of a noisy figure (the first right after a publish, this one right after seeding): a few
        // more of each, the median reported. More empty starts on SQLite only, each on a new file of its own.
        var emptyStarts = new List<double> { startupEmpty };
        for (var i = 1; i < StartupSamples && !o.Postgres; i++)
        {
            var file = Path.Combine(_scratch, $"empty-{i}.db");
            var empty = new Dictionary<string, string>(environment) { ["Dnd__Database__ConnectionString"] = $"Data Source={file}" };
            await using (var started = await StartServerAsync(empty))
            {
                emptyStarts.Add(started.StartupMs);
            }
            foreach (var leftover in Directory.GetFiles(_scratch, $"empty-{i}.db*"))
            {
                File.Delete(leftover);
            }
        }
        var seededStarts = new List<double>();
        for (var i = 1; i < StartupSamples; i++)
        {
            await using var started = await StartServerAsync(environment);
            seededStarts.Add(started.StartupMs);
        }
        _server = await StartServerAsync(environment);
        seededStarts.Add(_server.StartupMs);
        var (startupSeeded, seededRange) = Median(seededStarts);
        (startupEmpty, var emptyRange) = Median(emptyStarts);
        Step($"server started in {startupSeeded:N0} ms with {o.Contacts:N0} contacts ({seededRange}; empty database: {startupEmpty:N0} ms, {emptyRange})");
        await Task.Delay(3000);
        var idle = _server.Memory();
        _api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(_server.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        // The shipped workflows are templates that run for no account until it installs them; the load measures the
        // clean-up workflow every SMS opt-out starts, as a real account that installed it would run it.
        await InstallTemplateAsync("dnd-everywhere-cleanup");

        var searchVisible = await CheckSearchAsync(people);
        var requests = new Requests(_scratch, people, account, publicBaseUrl);

        // 4. Warm-ups (JIT, pools, caches), on the filler contacts and changing no DND.
        Step($"warm-up, {o.WarmupSeconds} s per endpoint");
        foreach (var warm in new Func<RequestSet>[]
                 {
                     () => requests.Search("warmup-search", 16),
                     () => requests.TwilioInbound("warmup-inbound", 16, UniqueLines(16, o.WarmupSeconds), warmup: true, seed: 91),
                     () => requests.TwilioStatus("warmup-status", 16, UniqueLines(16, o.WarmupSeconds), warmup: true, seed: 92),
                     () => requests.Mailgun("warmup-mailgun", 16, UniqueLines(16, o.WarmupSeconds), warmup: true, seed: 93),
                     () => requests.Send("warmup-send", 16, 200, warmup: true, seed: 94),
                 })
        {
            var set = warm();
            var started = DateTimeOffset.UtcNow;
            await Wrk.RunAsync(wrk, Lua, _server.BaseUrl, set, o.WarmupSeconds, WrkLog);
            _phases.Add((set.Name, started, DateTimeOffset.UtcNow));
            set.Delete();
        }

        // 5. The load.
        var search64 = await ScenarioAsync(wrk, requests.Search("search", 64), $"contact search (SMS DND active, {people.Count:N0} contacts)");
        var search1 = await ScenarioAsync(wrk, requests.Search("search-1", 1), "contact search, 1 connection");
        var inbound16 = await ScenarioAsync(wrk, requests.TwilioInbound("inbound-16", 16, UniqueLines(16, o.Seconds), false, 1), "Twilio inbound SMS");
        var inbound64 = await ScenarioAsync(wrk, requests.TwilioInbound("inbound-64", 64, UniqueLines(64, o.Seconds), false, 2), "Twilio inbound SMS");
        var status64 = await ScenarioAsync(wrk, requests.TwilioStatus("status-64", 64, UniqueLines(64, o.Seconds), false, 3), "Twilio status callbacks");
        var mailgun64 = await ScenarioAsync(wrk, requests.Mailgun("mailgun-64", 64, UniqueLines(64, o.Seconds), false, 4), "Mailgun webhooks");
        var send64 = await ScenarioAsync(wrk, requests.Send("send-64", 64, 2_000, false, 5), "send message API");
        var afterLoad = _server.Memory();
        var secondLog = Path.Combine(_scratch, "server-2.log");
        var twoHosts = o.Hosts == 2 ? await TwoHostsAsync(wrk, requests, environment, secondLog) : null;

        // 6. Correctness: every 2xx STOP (and provider opt-out) left the DND it must; every send obeyed DND.
        Step("checking the contacts the load changed");
        var check = await VerifyAsync(people, [inbound16, inbound64, status64, mailgun64, .. twoHosts is null ? [] : new[] { twoHosts.First, twoHosts.Second }], send64);

        // 7. Workflows, once the workflows the load itself started (each SMS opt-out starts the shipped clean-up
        // workflow) have run, so the scenarios below measure the engine rather than that backlog.
        await DrainAsync();
        var flowStart = DateTimeOffset.UtcNow;
        var flowSend = await WorkflowSendAsync(people);
        _phases.Add(("workflow bench-send", flowStart, DateTimeOffset.UtcNow));
        flowStart = DateTimeOffset.UtcNow;
        var flowDelay = await WorkflowDelayAsync(people);
        _phases.Add(("workflow bench-delay", flowStart, DateTimeOffset.UtcNow));
        var afterAll = _server.Memory();

        // 8. Delivery: the outbox drains a backlog to the fake Twilio while the inbound webhooks run.
        var deliveryInbound = requests.TwilioInbound("delivery-inbound-64", 64, UniqueLines(64, o.Seconds), false, 6);
        var deliveryStart = DateTimeOffset.UtcNow;
        var delivery = await new DeliveryScenario(Step, _provider, _connectionString, _server.BaseUrl, _server.Pid, _twilio, deliveryAccount, SenderNumber,
                _twilioToken, TimeSpan.FromSeconds(Math.Max(120, 2 * o.FlowSeconds)))
            .RunAsync(o.Delivery, () => ScenarioAsync(wrk, deliveryInbound, "Twilio inbound SMS while the outbox delivers"));
        _phases.Add(("delivery", deliveryStart, DateTimeOffset.UtcNow));
        Step("checking the contacts the inbound load during delivery changed");
        var deliveryCheck = await VerifyAsync(people, [delivery.Inbound], null);
        DeliveryWrong(delivery);
        var stopping = DateTimeOffset.UtcNow;
        await _server.DisposeAsync();
        _server = null;
        _phases.Add(("server shutdown", stopping, DateTimeOffset.UtcNow));

        ServerErrors(serverLog);
        if (twoHosts is not null)
        {
            ServerErrors(secondLog);
        }

        // 9. The table.
        BuildTable(http, db, dbName, search64, search1, inbound16, inbound64, status64, mailgun64, send64, check, flowSend, flowDelay,
            startupEmpty, startupSeeded, seededRange, emptyRange, idle, afterLoad, afterAll, seedTime, searchVisible, people);
        DeliveryRows(http, db, fakeCeiling, inbound64, delivery, deliveryCheck);
        if (twoHosts is not null)
        {
            TwoHostsRows(inbound64, twoHosts);
        }
        var machine = Report.Machine(_scratch);
        var settings = $"{o.Seconds} s per scenario after a {o.WarmupSeconds} s warm-up per endpoint, ceilings {CeilingSeconds} s (HTTP) and {Math.Max(2, o.Seconds / 3.0):0.#} s (database) each; wrk {WrkVersion(wrk)} with one thread per connection; " +
                       $"{o.Contacts:N0} contacts seeded, {people.Instances:N0} instances per workflow scenario; server {(o.Postgres ? "on PostgreSQL" : "on SQLite")} from the working tree (git {GitDescribe()}), run as {Path.GetRelativePath(Root, HostDll)}";
        var command = string.Join(' ', new[] { "./bench/load.sh" }.Concat(args));
        var markdown = _report.Markdown($"Load harness{(o.Postgres ? " (PostgreSQL)" : "")}", command, machine, settings);
        Directory.CreateDirectory(Path.GetDirectoryName(o.OutFile)!);
        await File.WriteAllTextAsync(o.OutFile, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"written to {Path.GetRelativePath(Root, o.OutFile)}; logs in {(o.Keep ? _scratch : "(scratch removed; --keep keeps it)")}");
        _succeeded = true;
        if (_report.Wrong.Count > 0)
        {
            Console.Error.WriteLine($"load: {_report.Wrong.Count} contact(s) or send(s) wrong after the load:");
            foreach (var w in _report.Wrong.Take(50))
            {
                Console.Error.WriteLine($"  {w}");
            }
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// Places each error the server logged (fail:/crit:) in the run: one logged as wrk closes its connections at the
    /// end of a scenario is most likely a request cancelled mid-transaction; one in the middle of a scenario is not.
    /// </summary>
    private void ServerErrors(string serverLog)
    {
        var errors = new List<(DateTimeOffset? At, string Text)>();
        string[] lines = File.ReadAllLines(serverLog);
        for (var i = 0; i < lines.Length; i++)
        {
            var match = System.Text.RegularExpressions.Regex.Match(lines[i], @"^(\S+Z )?(fail|crit): (.*)$");
            if (match.Success)
            {
                var at = DateTimeOffset.TryParse(match.Groups[1].Value.Trim(), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
                errors.Add((at, match.Groups[3].Value + (i + 1 < lines.Length ? " " + lines[i + 1].Trim() : "")));
            }
        }
        if (errors.Count == 0)
        {
            return;
        }
        var places = errors.GroupBy(e =>
        {
            var phase = e.At is { } at ? _phases.LastOrDefault(p => at >= p.Start && at <= p.End + TimeSpan.FromSeconds(1.5)) : default;
            return phase.Name is null ? "outside the load phases"
                : e.At >= phase.End - TimeSpan.FromSeconds(0.5) && !phase.Name.StartsWith("workflow") && phase.Name != "server shutdown"
                    ? $"as {phase.Name} ended (wrk closing its connections mid-request)"
                : $"during {phase.Name}";
        }).Select(g => $"{g.Count()} {g.Key} ({g.Select(e => e.Text).Distinct().First()})");
        _report.Warnings.Add($"the server logged {errors.Count} error(s): {string.Join("; ", places)}" + (o.Keep ? $"; see {serverLog}" : "; --keep keeps its log"));
    }

    /// <summary>Records the CPU other processes used since the sample, and warns past a quarter of a core.</summary>
    private double Other(string what, CpuMeter.Sample before)
    {
        var cores = CpuMeter.OtherCores(before, _cpu.Take());
        _otherCores[what] = cores;
        if (cores > 0.25)
        {
            _report.Warnings.Add($"other processes on the machine used {cores:0.00} of {Environment.ProcessorCount} CPUs during {what}: its figures are perturbed");
        }
        return cores;
    }

    private async Task<Dictionary<string, WrkSummary>> MinimalCeilingAsync(string wrk)
    {
        Step($"HTTP ceiling: minimal ASP.NET Core app, {CeilingSeconds} s each");
        var results = new Dictionary<string, WrkSummary>();
        var port = ServerProcess.FreePort();
        await using var minimal = await ServerProcess.StartAsync(MinimalDll, Path.Combine(Root, "bench", "Dnd.Minimal"), new Dictionary<string, string>(), port,
            Path.Combine(_scratch, "minimal.log"), TimeSpan.FromSeconds(60));
        _minimalPid = minimal.Pid;
        var n = 0;
        RequestSet Set(string method, int threads) => RequestSet.Write($"minimal-{method}-{threads}", Path.Combine(_scratch, $"00-minimal-{++n}"), method, "/x",
            method == "POST" ? "text/plain" : "-", threads, 1, (_, _) => ("-", method == "POST" ? "x" : "", Expect.None), reusable: true);
        var warm = Set("POST", 64);
        await Wrk.RunAsync(wrk, Lua, minimal.BaseUrl, warm, o.WarmupSeconds, WrkLog);
        foreach (var (method, threads) in new[] { ("POST", 16), ("POST", 64), ("GET", 64) })
        {
            var set = Set(method, threads);
            var before = _cpu.Take();
            var result = await Wrk.RunAsync(wrk, Lua, minimal.BaseUrl, set, CeilingSeconds, WrkLog);
            Other($"minimal {method} {threads} conn", before);
            results[$"{method} {threads}"] = result.Summary;
            Step($"  minimal {method} /x, {threads} conn: {result.Summary.Rps:N0} req/s, p50 {result.Summary.P50Ms:0.00} ms, p99 {result.Summary.P99Ms:0.00} ms");
        }
        _minimalPid = null;
        return results;
    }

    private async Task<BenchAccount> CreateAccountAsync(string baseUrl, string accountId)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(baseUrl) };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        var twilio = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var mailgun = "key-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var response = await admin.PostAsJsonAsync("/admin/accounts", new { id = accountId, name = $"Load harness ({accountId})", twilioAuthToken = twilio, mailgunSigningKey = mailgun });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /admin/accounts answered {(int)response.StatusCode}: {text}");
        }
        var key = JsonDocument.Parse(text).RootElement.GetProperty("apiKey").GetString()!;
        return new BenchAccount(accountId, key, twilio, mailgun);
    }

    /// <summary>The seeded contacts are what the server searches: the DND filter finds every seeded SMS-DND contact.</summary>
    private async Task<(int Expected, int Found)> CheckSearchAsync(Population people)
    {
        var response = await _api!.PostAsync("/contacts/search", new StringContent(Requests.SearchBody, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var found = response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.GetProperty("total").GetInt32() : -1;
        if (found != people.SmsBlockedCount)
        {
            _report.Warnings.Add($"the DND search found {found} contacts where {people.SmsBlockedCount} were seeded with SMS DND active " +
                                 $"(answer {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}); the search figures are not about the seeded data");
        }
        return (people.SmsBlockedCount, found);
    }

    private async Task<WrkResult> ScenarioAsync(string wrk, RequestSet set, string title)
    {
        Step($"{title}, {set.Threads} conn, {o.Seconds} s");
        var before = _cpu.Take();
        var started = DateTimeOffset.UtcNow;
        var result = await Wrk.RunAsync(wrk, Lua, _server!.BaseUrl, set, o.Seconds, WrkLog);
        _phases.Add((set.Name, started, DateTimeOffset.UtcNow));
        Other(set.Name, before);
        var s = result.Summary;
        var codes = string.Join(", ", s.Codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value:N0}"));
        Step($"  {s.Rps:N0} req/s, p50 {s.P50Ms:0.00} ms, p99 {s.P99Ms:0.00} ms; {codes}; socket errors {s.SocketErrors}, timeouts {s.Timeouts}");
        if (!set.Reusable && s.Wraps > 0)
        {
            _report.Warnings.Add($"{set.Name}: the request files ran out and {s.Wraps} thread(s) started over (duplicates do less work); raise --max-rate");
        }
        if (_server.HasExited)
        {
            throw new InvalidOperationException($"the server exited during {set.Name}; see its log");
        }
        set.Delete();
        return result;
    }

    public sealed record Verification(Dictionary<byte, (long Answered2xx, int Contacts, int Wrong)> ByCause, int Unmatched, long SendBlocked2xx,
        long SendAllowed422, long SendOther, long SendChecked);

    /// <summary>The median of the samples, and how they ranged, for the report.</summary>
    private static (double Median, string Range) Median(List<double> samples)
    {
        samples.Sort();
        return (samples[samples.Count / 2], samples.Count == 1 ? "one start" : $"{samples.Count} starts, {samples[0]:N0}-{samples[^1]:N0} ms");
    }

    private static readonly string[] StatusNames = ["inactive", "active", "permanent"];

    private async Task<Verification> VerifyAsync(Population people, WrkResult[] webhooks, WrkResult? send)
    {
        var required = new Dictionary<(int Contact, byte Channel), (byte Rank, byte Cause)>();
        var byCause = new Dictionary<byte, (long Answered2xx, int Contacts, int Wrong)>();
        var unmatched = 0;
        foreach (var run in webhooks)
        {
            foreach (var (expect, status) in run.Answers(_ => unmatched++))
            {
                if (expect.Contact < 0 || status is < 200 or >= 300)
                {
                    continue;
                }
                var c = byCause.GetValueOrDefault(expect.Cause);
                byCause[expect.Cause] = (c.Answered2xx + 1, c.Contacts, c.Wrong);
                var key = (expect.Contact, expect.Channel);
                if (!required.TryGetValue(key, out var have) || have.Rank < expect.MinRank)
                {
                    required[key] = (expect.MinRank, expect.Cause);
                }
            }
        }
        long blocked2xx = 0, allowed422 = 0, other = 0, sendChecked = 0;
        foreach (var (expect, status) in send?.Answers(_ => unmatched++) ?? [])
        {
            sendChecked++;
            var ok = status is >= 200 and < 300;
            if (expect.SendBlocked == 1 && ok)
            {
                if (++blocked2xx <= 20)
                {
                    _report.Wrong.Add($"{Population.Id(expect.Contact)} ({people.Phone(expect.Contact)}) has SMS DND active but a send to it was answered {status}");
                }
            }
            else if (expect.SendBlocked == 0 && status == 422)
            {
                if (++allowed422 <= 20)
                {
                    _report.Wrong.Add($"{Population.Id(expect.Contact)} ({people.Phone(expect.Contact)}) has no DND but a send to it was refused 422");
                }
            }
            else if (!ok && status != 422)
            {
                other++;
            }
        }
        if (blocked2xx > 20 || allowed422 > 20)
        {
            _report.Wrong.Add($"sends: {blocked2xx} to SMS-DND contacts answered 2xx, {allowed422} to open contacts refused 422 in all (first 20 of each listed)");
        }
        if (unmatched > 0)
        {
            _report.Warnings.Add($"{unmatched} wrk thread(s) lost an answer to a socket error, so their requests could not be matched to answers and were not checked");
        }

        // What each contact shows now, through the API (caches included).
        var actual = new ConcurrentDictionary<int, JsonElement>();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(required.Keys.Select(k => k.Contact).Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (contact, ct) =>
        {
            using var response = await _api!.GetAsync($"/contacts/{Population.Id(contact)}", ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET /contacts/{Population.Id(contact)} answered {(int)response.StatusCode}");
                return;
            }
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
            actual[contact] = json.GetProperty("contact").GetProperty("dndSettings").Clone();
        });
        foreach (var f in failures.Take(20))
        {
            _report.Wrong.Add(f);
        }
        foreach (var ((contact, channel), (rank, cause)) in required.OrderBy(r => r.Key.Contact))
        {
            var c = byCause[cause];
            var wrong = false;
            string shown = "unreadable";
            if (actual.TryGetValue(contact, out var settings))
            {
                shown = settings.GetProperty(channel == 0 ? "SMS" : "Email").GetProperty("status").GetString() ?? "";
                wrong = Array.IndexOf(StatusNames, shown) < rank;
            }
            else
            {
                wrong = true;
            }
            byCause[cause] = (c.Answered2xx, c.Contacts + 1, c.Wrong + (wrong ? 1 : 0));
            if (wrong)
            {
                var address = channel == 0 ? people.Phone(contact) : Population.Email(contact);
                _report.Wrong.Add($"{Population.Id(contact)} ({address}): {(channel == 0 ? "SMS" : "Email")} DND is {shown}, must be {StatusNames[rank]} after a 2xx {Expect.Causes[cause]}");
            }
        }
        var line = string.Join("; ", byCause.OrderBy(c => c.Key).Select(c => $"{Expect.Causes[c.Key]}: {c.Value.Answered2xx:N0} answered 2xx, {c.Value.Contacts:N0} contacts, {c.Value.Wrong} wrong"));
        Step($"  {line}; sends: {sendChecked:N0} checked, {blocked2xx} blocked-but-sent, {allowed422} open-but-refused");
        return new Verification(byCause, unmatched, blocked2xx, allowed422, other, sendChecked);
    }

    public sealed record FlowResult(int Asked, int Enrolled, int EnrolFailed, int NotTried, double EnrolSeconds, double EnrolP50Ms, double EnrolP99Ms,
        int Finished, int Faulted, long Steps, double Seconds, bool Complete, double DueToDoneMs = 0, bool DueAtOnce = true);

    private TimeSpan FlowCap => TimeSpan.FromSeconds(o.FlowSeconds);

    private Row? _drain;

    /// <summary>Waits (up to the flow cap) until no trigger is pending and no instance running, and reports how long that took.</summary>
    private async Task DrainAsync()
    {
        async Task<(long Triggers, long Running)> BacklogAsync()
        {
            await using var db = Seeder.Open(_provider, _connectionString);
            return (await db.PendingTriggers.LongCountAsync(),
                await db.WorkflowInstances.LongCountAsync(i => i.Status == WorkflowStatus.Running));
        }
        var started = DateTimeOffset.UtcNow;
        var (triggers, running) = await BacklogAsync();
        var finishedBefore = await FinishedAsync();
        Step($"waiting for the load's own workflow work to drain: {triggers:N0} pending triggers, {running:N0} running instances");
        var left = (triggers, running);
        while ((left.triggers > 0 || left.running > 0) && DateTimeOffset.UtcNow - started < FlowCap)
        {
            await Task.Delay(500);
            left = await BacklogAsync();
        }
        var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
        var ran = await FinishedAsync() - finishedBefore;
        var drained = left.triggers == 0 && left.running == 0;
        Step($"  {(drained ? "drained" : "not drained")} in {seconds:0.0} s: {ran:N0} instances ended meanwhile");
        _drain = new Row("workflow backlog the webhook load left (every DND change starts the shipped clean-up workflow)",
            $"{triggers:N0} pending triggers and {running:N0} running instances after the load; {(drained ? "drained" : $"{left.triggers:N0} triggers and {left.running:N0} instances still there at the cap")} " +
            $"after {seconds:0.0} s, {ran:N0} instances ended meanwhile ({ran / Math.Max(seconds, 0.001):N0}/s)");
        if (!drained)
        {
            _report.Warnings.Add($"the load's workflow backlog had not drained at the {o.FlowSeconds} s cap: the workflow scenarios ran with it");
        }

        async Task<long> FinishedAsync()
        {
            await using var db = Seeder.Open(_provider, _connectionString);
            return await db.WorkflowInstances.LongCountAsync(i => i.Status != WorkflowStatus.Running && i.Status != WorkflowStatus.Suspended);
        }
    }

    /// <summary>Enrols the contacts, 64 requests in flight; past the time cap the rest are not tried (reported).</summary>
    private async Task<(int Ok, int Failed, int NotTried, double Seconds, double P50, double P99, string? FirstError)> EnrolAsync(
        IReadOnlyList<int> contacts, string workflowId)
    {
        var latencies = new ConcurrentBag<double>();
        int failed = 0, notTried = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(contacts, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (contact, ct) =>
        {
            if (clock.Elapsed > FlowCap)
            {
                Interlocked.Increment(ref notTried);
                return;
            }
            var one = Stopwatch.StartNew();
            using var response = await _api!.PostAsync($"/contacts/{Population.Id(contact)}/workflow/{workflowId}", null, ct);
            latencies.Add(one.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
                firstError ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        if (firstError is not null)
        {
            _report.Warnings.Add($"{workflowId}: {failed} enrolments failed, the first: {firstError}");
        }
        if (notTried > 0)
        {
            _report.Warnings.Add($"{workflowId}: enrolment reached the {o.FlowSeconds} s cap (--flow-seconds) and {notTried:N0} of {contacts.Count:N0} contacts were not enrolled");
        }
        return (sorted.Length - failed, failed, notTried, seconds, Percentile(sorted, 50), Percentile(sorted, 99), firstError);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

    private async Task InstallTemplateAsync(string templateId)
    {
        using var response = await _api!.PostAsync($"/workflows/templates/{templateId}/install", null);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"installing template {templateId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task PublishAsync(object definition, string id)
    {
        using var response = await _api!.PutAsJsonAsync($"/workflows/{id}", definition);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT /workflows/{id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Instances of the workflow by status, and their steps, read from the server's database.</summary>
    private async Task<(int Terminal, int Finished, int Faulted, long Steps)> InstancesAsync(DndDbContext db, string workflowId)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var groups = await db.WorkflowInstances.AsNoTracking().Where(i => i.AccountId == AccountId && i.DefinitionId == workflowId)
                    .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count(), Steps = g.Sum(i => i.StepCount) }).ToListAsync();
                int Count(WorkflowStatus s) => groups.Where(g => g.Key == s).Sum(g => g.Count);
                return (Count(WorkflowStatus.Finished) + Count(WorkflowStatus.Faulted) + Count(WorkflowStatus.Cancelled), Count(WorkflowStatus.Finished),
                    Count(WorkflowStatus.Faulted), groups.Sum(g => (long)g.Steps));
            }
            catch (Exception e) when (attempt < 20 && e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Polls every 50 ms until the expected number of instances ended, or the deadline.</summary>
    private async Task<(DateTimeOffset At, int Finished, int Faulted, long Steps, bool Complete)> UntilDoneAsync(DndDbContext db, string workflowId, int expected,
        DateTimeOffset deadline)
    {
        while (true)
        {
            var (terminal, finished, faulted, steps) = await InstancesAsync(db, workflowId);
            var now = DateTimeOffset.UtcNow;
            if (terminal >= expected || now > deadline)
            {
                if (terminal < expected)
                {
                    _report.Warnings.Add($"{workflowId}: {terminal:N0} of {expected:N0} instances had ended at the {o.FlowSeconds} s cap (--flow-seconds); its figures cover those");
                }
                return (now, finished, faulted, steps, terminal >= expected);
            }
            await Task.Delay(50);
        }
    }

    private async Task<FlowResult> WorkflowSendAsync(Population people)
    {
        const string id = "bench-send";
        Step($"workflow with Send steps (SMS, then Email): enrolling {people.Instances:N0} contacts, 64 at a time (cap {o.FlowSeconds} s)");
        await PublishAsync(new
        {
            id, name = "Load harness: send", allowReentry = false,
            activities = new object[]
            {
                new { id = "sms", type = "Send", properties = new { channel = "SMS", body = "Hi {{ contact.first_name }}, your order has shipped." } },
                new { id = "email", type = "Send", properties = new { channel = "Email", subject = "Your order", body = "<p>Hi {{ contact.first_name }}, your order has shipped.</p>" } },
            },
            connections = new object[] { new { source = "sms", outcome = "Done", target = "email" } },
        }, id);
        await using var db = Seeder.Open(_provider, _connectionString);
        var before = _cpu.Take();
        var start = DateTimeOffset.UtcNow;
        var enrol = await EnrolAsync(Enumerable.Range(0, people.Instances).Select(people.WorkflowSend.At).ToList(), id);
        var done = await UntilDoneAsync(db, id, enrol.Ok, DateTimeOffset.UtcNow + FlowCap);
        Other(id, before);
        var seconds = (done.At - start).TotalSeconds;
        Step($"  enrolled {enrol.Ok:N0} in {enrol.Seconds:0.0} s (p50 {enrol.P50:0.0} ms, p99 {enrol.P99:0.0} ms); ended after {seconds:0.0} s: " +
             $"{done.Finished:N0} finished, {done.Faulted} faulted, {done.Steps:N0} steps = {done.Steps / seconds:N0} steps/s");
        return new FlowResult(people.Instances, enrol.Ok, enrol.Failed, enrol.NotTried, enrol.Seconds, enrol.P50, enrol.P99, done.Finished, done.Faulted,
            done.Steps, seconds, done.Complete);
    }

    private async Task<FlowResult> WorkflowDelayAsync(Population people)
    {
        const string id = "bench-delay";
        const double delay = 3600;
        // Enrolment takes seconds, so timers set by a Delay come due over those seconds. To time "10,000 due at once",
        // the instances wait an hour, then the harness moves every one of their timers to the same instant (through the
        // server's EF model, while it runs) and times the worker from that instant until all have resumed and ended.
        Step($"workflow with a Delay then a Send: enrolling {people.Instances:N0} contacts into a 1 h Delay, then bringing every timer due at one instant");
        await PublishAsync(Delayed(id, delay), id);
        await using var db = Seeder.Open(_provider, _connectionString);
        var before = _cpu.Take();
        var enrol = await EnrolAsync(Enumerable.Range(0, people.Instances).Select(people.WorkflowDelay.At).ToList(), id);
        var waiting = db.Bookmarks.Where(b => b.DueAt != null && db.WorkflowInstances.Any(i => i.Id == b.InstanceId && i.AccountId == AccountId && i.DefinitionId == id));
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(1);
        var moved = await waiting.ExecuteUpdateAsync(b => b.SetProperty(x => x.DueAt, dueAt));
        var atOnce = moved == enrol.Ok;
        if (!atOnce)
        {
            _report.Warnings.Add($"{id}: {moved:N0} of {enrol.Ok:N0} instances were waiting on a timer when it was moved to {dueAt:HH:mm:ss.fff}");
        }
        var done = await UntilDoneAsync(db, id, enrol.Ok, dueAt + FlowCap);
        Other(id, before);
        var dueToDone = (done.At - dueAt).TotalMilliseconds;
        Step($"  enrolled {enrol.Ok:N0} in {enrol.Seconds:0.0} s; {moved:N0} timers due at {dueAt:HH:mm:ss.fff}; {done.Finished:N0} resumed and ended " +
             $"{dueToDone:N0} ms later ({done.Finished / Math.Max(0.001, dueToDone / 1000):N0} resumes/s)");
        return new FlowResult(people.Instances, enrol.Ok, enrol.Failed, enrol.NotTried, enrol.Seconds, enrol.P50, enrol.P99, done.Finished, done.Faulted,
            done.Steps, (done.At - dueAt).TotalSeconds, done.Complete, dueToDone, atOnce);

        static object Delayed(string workflowId, double seconds) => new
        {
            id = workflowId, name = "Load harness: delay", allowReentry = false,
            activities = new object[]
            {
                new { id = "wait", type = "Delay", properties = new { duration = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                new { id = "sms", type = "Send", properties = new { channel = "SMS", body = "Hi {{ contact.first_name }}, a reminder about tomorrow." } },
            },
            connections = new object[] { new { source = "wait", outcome = "Done", target = "sms" } },
        };
    }

    private void BuildTable(Dictionary<string, WrkSummary> http, Ceilings.DbCeiling db, string dbName, WrkResult search64, WrkResult search1,
        WrkResult inbound16, WrkResult inbound64, WrkResult status64, WrkResult mailgun64, WrkResult send64, Verification check, FlowResult flowSend,
        FlowResult flowDelay, double startupEmpty, double startupSeeded, string seededRange, string emptyRange, (long RssKb, long PeakKb) idle, (long RssKb, long PeakKb) afterLoad,
        (long RssKb, long PeakKb) afterAll, TimeSpan seedTime, (int Expected, int Found) searchVisible, Population people)
    {
        var targets = !o.Postgres;
        const string Harness = "none faulted or failed (harness)";
        const string NoErrors = "no errors (harness)";
        string Rps(double v) => $"{Report.N(v)} req/s";
        string Lat(WrkSummary s) => $"p50 {Report.Ms(s.P50Ms)}, p99 {Report.Ms(s.P99Ms)}";
        var commits = $"{Report.N(db.CommitsPerSecond)} commits/s ({dbName}, 1-row transactions)";
        var batched = $"{Report.N(db.BatchedRowsPerSecond)} rows/s ({dbName}, {Ceilings.BatchRows}-row transactions)";

        foreach (var (key, s) in http)
        {
            _report.Add(new Row($"ceiling: minimal ASP.NET Core {key.Split(' ')[0]} /x, {key.Split(' ')[1]} conn", $"{Rps(s.Rps)}; {Lat(s)}"));
        }
        _report.Add(new Row($"ceiling: {dbName}, single-row commits from one thread", $"{Report.N(db.CommitsPerSecond)} commits/s"));
        _report.Add(new Row($"ceiling: {dbName}, {Ceilings.BatchRows} rows per transaction", $"{Report.N(db.BatchedRowsPerSecond)} rows/s"));

        string Met(bool met) => targets ? met ? "yes" : "no" : "";
        string Target(string target) => targets ? target : "—";
        void Throughput(string name, WrkResult r, bool writes, double? figureOverride = null, string? figureText = null, double? target = null)
        {
            var s = r.Summary;
            var figure = figureOverride ?? s.Rps;
            var text = figureText ?? Rps(figure);
            var h = http[$"POST {r.Connections}"];
            _report.Add(new Row(name, text, $"{Rps(h.Rps)} (minimal POST, {r.Connections} conn)", Report.Percent(figure, h.Rps),
                target is { } t ? Target($"≥ {Rps(t)}") : "—", target is { } m ? Met(figure >= m) : ""));
            if (writes)
            {
                _report.Add(new Row(name, text, commits, Report.Percent(figure, db.CommitsPerSecond)));
                _report.Add(new Row(name, text, batched, Report.Percent(figure, db.BatchedRowsPerSecond)));
            }
        }
        void Latency(string name, WrkResult r, string target = "—", string met = "")
        {
            var h = r.Connections == 1 ? null : http.GetValueOrDefault($"POST {r.Connections}");
            _report.Add(new Row(name, Lat(r.Summary), h is null ? "—" : $"{Lat(h)} (minimal POST)",
                h is null ? "—" : $"{Report.Times(r.Summary.P50Ms, h.P50Ms)} / {Report.Times(r.Summary.P99Ms, h.P99Ms)}", target, met));
        }
        void Errors(string name, WrkResult r, Func<int, bool>? valid = null, string? extra = null)
        {
            var s = r.Summary;
            valid ??= c => c is >= 200 and < 300;
            var bad = s.Where(c => !valid(c));
            var codes = string.Join(", ", s.Codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value:N0}"));
            var other = _otherCores.TryGetValue(r.Set.Name, out var cores) ? $"; other processes used {cores:0.00} CPUs meanwhile" : "";
            _report.Add(new Row(name, $"{s.Requests:N0} answers ({codes}); {bad:N0} unexpected, {s.SocketErrors} socket errors, {s.Timeouts} timeouts{extra}{other}",
                Target: NoErrors, Met: bad + s.SocketErrors + s.Timeouts == 0 ? "yes" : "no"));
        }

        // Search.
        var searchName = $"contact search, DND filter, {people.Count / 1000:N0}k contacts, 64 conn";
        Throughput(searchName, search64, writes: false);
        var s64 = search64.Summary;
        _report.Add(new Row(searchName, $"p50 {Report.Ms(s64.P50Ms)}", $"p50 {Report.Ms(http["POST 64"].P50Ms)} (minimal POST, 64 conn)",
            Report.Times(s64.P50Ms, http["POST 64"].P50Ms), targets ? "p50 < 5 ms" : "—", targets ? (s64.P50Ms < 5 ? "yes" : "no") : ""));
        _report.Add(new Row(searchName, $"p99 {Report.Ms(s64.P99Ms)}", $"p99 {Report.Ms(http["POST 64"].P99Ms)} (minimal POST, 64 conn)",
            Report.Times(s64.P99Ms, http["POST 64"].P99Ms), targets ? "p99 < 20 ms" : "—", targets ? (s64.P99Ms < 20 ? "yes" : "no") : ""));
        Errors(searchName, search64);
        var s1 = search1.Summary;
        _report.Add(new Row($"contact search, 1 conn (unloaded latency)", $"{Rps(s1.Rps)}; {Lat(s1)}",
            Target: targets ? "p50 < 5 ms, p99 < 20 ms" : "—", Met: targets ? (s1.P50Ms < 5 && s1.P99Ms < 20 ? "yes" : "no") : ""));
        _report.Add(new Row("search finds the seeded SMS-DND contacts", $"{searchVisible.Found:N0} of {searchVisible.Expected:N0}",
            Target: "all (harness)", Met: searchVisible.Found == searchVisible.Expected ? "yes" : "no"));

        // Webhooks and sends.
        foreach (var (name, r) in new[]
                 {
                     ("Twilio inbound SMS (20% STOP), 16 conn", inbound16), ("Twilio inbound SMS (20% STOP), 64 conn", inbound64),
                     ("Twilio status callbacks (30003/21610), 64 conn", status64), ("Mailgun webhooks (failed/unsubscribed/complained), 64 conn", mailgun64),
                 })
        {
            Throughput(name, r, writes: true, target: r.Connections == 64 ? 10_000 : null);
            Latency(name, r, r.Connections == 64 ? Target("p99 < 50 ms") : "—", r.Connections == 64 ? Met(r.Summary.P99Ms < 50) : "");
            Errors(name, r);
        }
        var sendName = "send message API (SMS, 25% DND-blocked), 64 conn";
        var ss = send64.Summary;
        var sent = ss.Where(c => c is >= 200 and < 300);
        Throughput(sendName, send64, writes: false, target: 10_000, figureText: $"{Rps(ss.Rps)} ({Report.N(sent / (ss.DurationUs / 1e6))} sent/s 2xx, {Report.N(ss.Code(422) / (ss.DurationUs / 1e6))} refused/s 422)");
        _report.Add(new Row(sendName, $"{Report.N(sent / (ss.DurationUs / 1e6))} sent/s (2xx: one write transaction each)", commits,
            Report.Percent(sent / (ss.DurationUs / 1e6), db.CommitsPerSecond)));
        Latency(sendName, send64);
        Errors(sendName, send64, c => c is >= 200 and < 300 or 422, $"; 2xx {sent:N0}, 422 (blocked by DND) {ss.Code(422):N0}");

        // Correctness.
        var stop = check.ByCause.GetValueOrDefault((byte)1);
        _report.Add(new Row("correctness: every 2xx STOP left SMS DND permanent",
            $"{stop.Answered2xx:N0} STOPs answered 2xx, {stop.Contacts:N0} contacts: {stop.Wrong} wrong", Target: "0 wrong", Met: stop.Wrong == 0 ? "yes" : "no"));
        var providers = check.ByCause.Where(c => c.Key is >= 2 and <= 7).ToList();
        _report.Add(new Row("correctness: every 2xx 21610/30003 and Mailgun opt-out left its DND",
            $"{providers.Sum(p => p.Value.Answered2xx):N0} answered 2xx, {providers.Sum(p => p.Value.Contacts):N0} contact channels: {providers.Sum(p => p.Value.Wrong)} wrong",
            Target: "0 wrong (harness)", Met: providers.Sum(p => p.Value.Wrong) == 0 ? "yes" : "no"));
        _report.Add(new Row("correctness: sends obey DND",
            $"{check.SendChecked:N0} checked: {check.SendBlocked2xx} sent to SMS-DND contacts, {check.SendAllowed422} refused to open ones",
            Target: "0 wrong (harness)", Met: check.SendBlocked2xx + check.SendAllowed422 == 0 ? "yes" : "no"));
        if (check.Unmatched > 0)
        {
            _report.Add(new Row("correctness: answers that could not be matched (socket errors)", $"{check.Unmatched} thread(s) skipped"));
        }

        // Workflows.
        var flowName = $"workflow Send→Send, {flowSend.Enrolled:N0} instances";
        var stepsPerSecond = flowSend.Steps / Math.Max(0.001, flowSend.Seconds);
        _report.Add(new Row(flowName, $"{Report.N(stepsPerSecond)} steps/s ({flowSend.Steps:N0} steps, first enrolment to all ended {flowSend.Seconds:0.0} s)",
            commits, Report.Percent(stepsPerSecond, db.CommitsPerSecond), Target("≥ 10,000 steps/s"), Met(stepsPerSecond >= 10_000)));
        _report.Add(new Row(flowName, $"{Report.N(stepsPerSecond)} steps/s", batched, Report.Percent(stepsPerSecond, db.BatchedRowsPerSecond)));
        _report.Add(new Row(flowName, $"enrolment {Report.N(flowSend.Enrolled / flowSend.EnrolSeconds)} /s (64 in flight; p50 {Report.Ms(flowSend.EnrolP50Ms)}, p99 {Report.Ms(flowSend.EnrolP99Ms)}); " +
                                      $"{flowSend.Finished:N0} finished, {flowSend.Faulted} faulted, {flowSend.EnrolFailed} enrolments failed" +
                                      (flowSend.NotTried > 0 || !flowSend.Complete ? $"; stopped at the {o.FlowSeconds} s cap: {flowSend.NotTried:N0} of {flowSend.Asked:N0} not enrolled" : ""),
            Target: Harness, Met: flowSend.Faulted == 0 && flowSend.EnrolFailed == 0 ? "yes" : "no"));
        var delayName = $"workflow Delay→Send, {flowDelay.Enrolled:N0} timers due at one instant";
        var resumes = flowDelay.Finished / Math.Max(0.001, flowDelay.DueToDoneMs / 1000);
        _report.Add(new Row(delayName, $"{Report.N(resumes)} resumes/s ({flowDelay.Finished:N0} resumed, each then a Send, and ended " +
                                       (flowDelay.Complete ? "" : "> ") + $"{Report.N(flowDelay.DueToDoneMs)} ms after they came due" +
                                       (flowDelay.DueAtOnce ? ")" : "; not all due together: see warnings)"),
            commits, Report.Percent(resumes, db.CommitsPerSecond), Target("10,000 due at once, all resumed"),
            Met(flowDelay.Complete && flowDelay.DueAtOnce && flowDelay.Finished >= 10_000)));
        _report.Add(new Row(delayName, $"{flowDelay.Finished:N0} finished, {flowDelay.Faulted} faulted, {flowDelay.EnrolFailed} enrolments failed" +
                                       (flowDelay.Complete ? "" : $"; {flowDelay.Enrolled - flowDelay.Finished - flowDelay.Faulted:N0} still waiting at the {o.FlowSeconds} s cap"),
            Target: Harness, Met: flowDelay.Faulted == 0 && flowDelay.EnrolFailed == 0 ? "yes" : "no"));

        // Process.
        if (_drain is not null)
        {
            _report.Add(_drain);
        }
        _report.Add(new Row("start-up to first healthy GET /health", $"median {Report.N(startupSeeded)} ms ({people.Count / 1000:N0}k contacts; {seededRange}); " +
                $"median {Report.N(startupEmpty)} ms on an empty database ({emptyRange})",
            Target: Target("< 500 ms"), Met: Met(Math.Max(startupSeeded, startupEmpty) < 500)));
        _report.Add(new Row("server RSS", $"idle {idle.RssKb / 1024.0:N0} MiB; after the HTTP load {afterLoad.RssKb / 1024.0:N0} MiB; after the workflows {afterAll.RssKb / 1024.0:N0} MiB (peak {afterAll.PeakKb / 1024.0:N0} MiB)",
            Target: Target("< 200 MiB after the load"), Met: Met(Math.Max(afterLoad.RssKb, afterAll.RssKb) < 200 * 1024)));
        _report.Add(new Row("seeding (harness, not the server)", $"{people.Count:N0} contacts in {seedTime.TotalSeconds:0.0} s through EF in one transaction"));

        _report.Notes.Add("ratio of ceiling = figure ÷ ceiling: a throughput of 40% is 0.4 of what the ceiling did; a latency of 3.0× is three times the minimal app's. " +
                          "Write scenarios are held against the HTTP ceiling and both database ceilings (each webhook or send is one write transaction today; group commit aims at the batched one).");
        _report.Notes.Add("wrk runs one thread per connection so each answer can be matched to its request (the STOP check needs to know which STOPs got a 2xx); " +
                          "the minimal app is measured the same way. On 2 cores, wrk, the server and the harness share the CPUs.");
        _report.Notes.Add("Every webhook id (MessageSid, Mailgun token and event id) is unique in the run; the request files hold " +
                          $"{o.MaxRate:N0} req/s × {o.Seconds} s per scenario, and a wrap (which would send duplicates) is reported as a warning.");
        _report.Notes.Add("Contacts are seeded while the server is stopped, through its own EF model (DndDbContext, src/Dnd.Activities), SMS-DND ones with their address consent; " +
                          "the check reads each contact back through GET /contacts/{id}.");
        _report.Notes.Add($"Start-up is timed from the process's start to the first 200 from GET /health (polled every 5 ms), {StartupSamples} times: on new empty databases " +
                          "(the first right after the publish; on PostgreSQL only that one) and on the seeded one right after seeding; the medians are reported, the last seeded start is the server under load.");
        if (o.Postgres)
        {
            _report.Notes.Add("PostgreSQL: a throwaway local server (initdb, 127.0.0.1, fsync on, default synchronous_commit); figures only, no targets.");
        }
    }

    private static string WrkVersion(string wrk)
    {
        var text = Report.Shell(wrk, "--version");
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "?";
    }

    private string GitDescribe()
    {
        var head = Report.Shell("git", $"-C {Root} rev-parse --short HEAD").Trim();
        var dirty = Report.Shell("git", $"-C {Root} status --porcelain -- src").Trim().Length > 0;
        return head + (dirty ? " + uncommitted changes in src/" : "");
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_twilio is not null)
        {
            await _twilio.DisposeAsync();
        }
        if (!_succeeded)
        {
            Console.Error.WriteLine($"load: logs and databases kept in {_scratch}");
        }
        else if (!o.Keep)
        {
            try
            {
                Directory.Delete(_scratch, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
