// Profiling driver for the webhook write path (not part of load.sh).
//
//   dotnet run -c Release --project bench/Dnd.Profile -- [--scenarios inbound,status,mailgun] [--seconds 8] [--trace 0|N]
//                                                        [--work /tmp/dnd-prof] [--connections 64]
//
// Seeds 100,000 contacts once into <work>/pristine.db (as load.sh does, through the server's EF model), then for each run
// copies it, starts the Release server from src/Host/bin/Release (build it first), installs the DND clean-up template,
// warms every webhook up on the filler contacts, and runs each scenario with wrk for --seconds. With --trace N it attaches
// `dotnet-trace collect --profile dotnet-sampled-thread-time` to the server for N seconds in the middle of each scenario and writes
// <work>/<scenario>.nettrace (summarize.py reads its speedscope conversion). Prints req/s, p50/p99, the server's CPU per
// request (utime+stime from /proc), how busy the machine was, and the batch writer's CPU and wall time per job (the
// server runs with DND_WRITER_STATS=1). --perf N: perf record (perfcat.py groups it); --perfstat N: syscalls and context
// switches per request; --env NAME=VALUE: server environment; --host-root DIR: another tree's Release build (A/B);
// --host-dll FILE: a build elsewhere (a ReadyToRun publish); --startups N: start-up times only.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Load;

var a = args.ToList();
string Arg(string name, string fallback) => a.IndexOf(name) is var i and >= 0 && i + 1 < a.Count ? a[i + 1] : fallback;
var scenarios = Arg("--scenarios", "inbound,status,mailgun").Split(',');
var seconds = int.Parse(Arg("--seconds", "8"));
var trace = int.Parse(Arg("--trace", "0"));
var perf = int.Parse(Arg("--perf", "0"));
// --perfstat N: counts syscalls and context switches of the server for N seconds mid-scenario (perf stat).
var perfStat = int.Parse(Arg("--perfstat", "0"));
var connections = int.Parse(Arg("--connections", "64"));
var work = Arg("--work", "/tmp/dnd-prof");
var root = Arg("--root", Directory.GetCurrentDirectory());
Directory.CreateDirectory(work);
var hostRoot = Arg("--host-root", root); // another tree's build, to compare against
var hostDll = Arg("--host-dll", Path.Combine(hostRoot, "src", "Host", "bin", "Release", "net10.0", "Dnd.Host.dll"));
// --startups N: only times N starts on the seeded database (copied fresh each time) and N on an empty one, as load.sh times them.
var startups = int.Parse(Arg("--startups", "0"));
var lua = Path.Combine(root, "bench", "load", "requests.lua");
var people = new Population(100_000, 10_000);
var port = ServerProcess.FreePort();
var publicBaseUrl = $"http://127.0.0.1:{port}";
var db = Path.Combine(work, "dnd.db");
var env = new Dictionary<string, string>
{
    ["Dnd__Database__Provider"] = "sqlite",
    ["Dnd__Database__ConnectionString"] = $"Data Source={db}",
    ["Dnd__AdminKey"] = "bench-admin-key",
    ["Dnd__Messaging__PublicBaseUrl"] = publicBaseUrl,
    ["Dnd__Messaging__UnsubscribeSigningKey"] = "bench-unsubscribe-signing-key",
    // The batch writer's per-job time, printed each second (WriterStats) and summarized per scenario below.
    ["DND_WRITER_STATS"] = "1",
};
// --env NAME=VALUE (repeatable): extra environment for the server, e.g. a runtime knob to compare.
for (var i = 0; i < a.Count - 1; i++)
{
    if (a[i] == "--env" && a[i + 1].Split('=', 2) is [var name, var value])
    {
        env[name] = value;
    }
}
if (perf > 0)
{
    env["DOTNET_PerfMapEnabled"] = "1";
    env["DOTNET_EnableWriteXorExecute"] = "0";
}
var pristine = Path.Combine(work, "pristine.db");
var accountFile = Path.Combine(work, "account.json");
void Copy(string from, string to)
{
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(to + suffix);
        if (File.Exists(from + suffix)) File.Copy(from + suffix, to + suffix);
    }
}
BenchAccount account;
if (!File.Exists(pristine))
{
    Console.WriteLine("seeding the pristine database ...");
    await using (var empty = await ServerProcess.StartAsync(hostDll, Path.Combine(hostRoot, "src", "Host"), env, port, Path.Combine(work, "server.log"), TimeSpan.FromSeconds(120)))
    {
        using var admin = new HttpClient { BaseAddress = new Uri(empty.BaseUrl) };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", "bench-admin-key");
        var twilio = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var mailgun = "key-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var response = await admin.PostAsJsonAsync("/admin/accounts", new { id = "bench", name = "Profile", twilioAuthToken = twilio, mailgunSigningKey = mailgun });
        var key = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;
        account = new BenchAccount("bench", key, twilio, mailgun);
    }
    await Seeder.SeedAsync("sqlite", $"Data Source={db}", "bench", people);
    Copy(db, pristine);
    await File.WriteAllTextAsync(accountFile, JsonSerializer.Serialize(account));
}
account = JsonSerializer.Deserialize<BenchAccount>(await File.ReadAllTextAsync(accountFile))!;
if (startups > 0)
{
    foreach (var seeded in new[] { true, false })
    {
        var times = new List<double>();
        if (seeded)
        {
            // The seeded database as a restart finds it: migrated already (the pristine copy may predate a migration).
            Copy(pristine, db);
            await (await ServerProcess.StartAsync(hostDll, Path.GetDirectoryName(hostDll)!, env, port, Path.Combine(work, "server.log"), TimeSpan.FromSeconds(120))).DisposeAsync();
        }
        for (var i = 0; i < startups; i++)
        {
            if (!seeded)
            {
                Copy(Path.Combine(work, "none.db"), db);
            }
            await using var started = await ServerProcess.StartAsync(hostDll, Path.GetDirectoryName(hostDll)!, env, port, Path.Combine(work, "server.log"), TimeSpan.FromSeconds(120));
            times.Add(started.StartupMs);
        }
        times.Sort();
        Console.WriteLine($"start-up, {(seeded ? "100k contacts" : "empty database")}: median {times[times.Count / 2]:0} ms; each {string.Join(", ", times.Select(t => t.ToString("0")))}");
    }
    return;
}
Copy(pristine, db);
await using var server = await ServerProcess.StartAsync(hostDll, Path.Combine(hostRoot, "src", "Host"), env, port, Path.Combine(work, "server.log"), TimeSpan.FromSeconds(120));
using (var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) })
{
    api.DefaultRequestHeaders.Authorization = new("Bearer", account.ApiKey);
    (await api.PostAsync("/workflows/templates/dnd-everywhere-cleanup/install", null)).EnsureSuccessStatusCode();
}
var requests = new Requests(work, people, account, publicBaseUrl);
var wrkLog = Path.Combine(work, "wrk.log");
int Lines(int threads, int s) => 20_000 * s / threads + 64;
foreach (var warm in new Func<RequestSet>[]
         {
             () => requests.TwilioInbound("warm-inbound", 16, Lines(16, 2), true, 91),
             () => requests.TwilioStatus("warm-status", 16, Lines(16, 2), true, 92),
             () => requests.Mailgun("warm-mailgun", 16, Lines(16, 2), true, 93),
         })
{
    var set = warm();
    await Wrk.RunAsync("wrk", lua, server.BaseUrl, set, 2, wrkLog);
    set.Delete();
}
long Cpu()
{
    var f = File.ReadAllText($"/proc/{server.Pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return long.Parse(f[11]) + long.Parse(f[12]); // utime + stime, in clock ticks (100 Hz)
}
(long Busy, long All) MachineBusy()
{
    var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
    var all = f.Sum();
    return (all - f[3] - f[4], all); // idle and iowait are not busy
}
foreach (var name in scenarios)
{
    var set = name switch
    {
        "inbound" => requests.TwilioInbound("inbound", connections, Lines(connections, seconds), false, 2),
        "status" => requests.TwilioStatus("status", connections, Lines(connections, seconds), false, 3),
        "mailgun" => requests.Mailgun("mailgun", connections, Lines(connections, seconds), false, 4),
        _ => throw new ArgumentException(name),
    };
    var cpu0 = Cpu();
    var load = Wrk.RunAsync("wrk", lua, server.BaseUrl, set, seconds, wrkLog);
    Task? tracing = null;
    if (trace > 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, (seconds - trace) / 2.0)));
        var output = Path.Combine(work, name + ".nettrace");
        File.Delete(output);
        var p = Process.Start(new ProcessStartInfo(Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".dotnet/tools/dotnet-trace"),
            ["collect", "-p", server.Pid.ToString(), "--profile", "dotnet-sampled-thread-time", "--duration", TimeSpan.FromSeconds(trace).ToString(@"hh\:mm\:ss"), "-o", output])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        tracing = p.WaitForExitAsync();
    }
    if (perf > 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, (seconds - perf) / 2.0)));
        var output = Path.Combine(work, name + ".perf.data");
        var p = Process.Start(new ProcessStartInfo("perf", ["record", .. (Environment.GetEnvironmentVariable("PERF_EVENT") is { Length: > 0 } ev ? new[] { "-e", ev } : ["-F", "2999"]), "-g", "-p", server.Pid.ToString(), "-o", output, "--", "sleep", perf.ToString()])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        tracing = p.WaitForExitAsync();
    }
    Task<string>? counting = null;
    if (perfStat > 0)
    {
        counting = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, (seconds - perfStat) / 2.0)));
            var events = "context-switches,syscalls:sys_enter_pwrite64,syscalls:sys_enter_pread64,syscalls:sys_enter_fdatasync,syscalls:sys_enter_fsync," +
                         "syscalls:sys_enter_sendmsg,syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom,syscalls:sys_enter_recvmsg,syscalls:sys_enter_futex," +
                         "syscalls:sys_enter_sched_yield,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_write,syscalls:sys_enter_read,syscalls:sys_enter_fcntl";
            var p = Process.Start(new ProcessStartInfo("perf", ["stat", "-x", ",", "-e", events, "-p", server.Pid.ToString(), "--", "sleep", perfStat.ToString()])
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return text;
        });
    }
    var logFrom = new FileInfo(Path.Combine(work, "server.log")).Length;
    var stat0 = MachineBusy();
    var result = await load;
    var stat1 = MachineBusy();
    var cpu = Cpu() - cpu0;
    if (tracing is not null) await tracing;
    var s = result.Summary;
    var memory = server.Memory();
    var ok = s.Where(c => c is >= 200 and < 300);
    Console.WriteLine($"{name}: {s.Rps:N0} req/s, p50 {s.P50Ms:0.00} ms, p99 {s.P99Ms:0.00} ms; 2xx {ok:N0} of {s.Requests:N0}; " +
                      $"server CPU {cpu / 100.0:0.00} s = {cpu * 10_000.0 / Math.Max(1, s.Requests):0} µs/request ({cpu / 100.0 / (s.DurationUs / 1e6):0.00} cores); " +
                      $"machine busy {100.0 * (stat1.Busy - stat0.Busy) / Math.Max(1, stat1.All - stat0.All):0}%; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; " +
                      $"server RSS {memory.RssKb / 1024} MiB (peak {memory.PeakKb / 1024})");
    // Lines "WRITER jobs N ... run wall W cpu C us; commit wall W cpu C us" that the server logs each second (WriterStats).
    using (var log = new FileStream(Path.Combine(work, "server.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
    {
        log.Position = logFrom;
        var lines = new StreamReader(log).ReadToEnd().Split('\n').Where(l => l.Contains("WRITER jobs")).ToList();
        double jobs = 0, runWall = 0, runCpu = 0, commitWall = 0, commitCpu = 0;
        foreach (var l in lines)
        {
            var m = System.Text.RegularExpressions.Regex.Match(l, @"jobs (\d+) .*run wall ([\d.]+) cpu ([\d.]+) us; commit wall ([\d.]+) cpu ([\d.]+) us");
            if (!m.Success) continue;
            var n = double.Parse(m.Groups[1].Value);
            jobs += n; runWall += n * double.Parse(m.Groups[2].Value); runCpu += n * double.Parse(m.Groups[3].Value);
            commitWall += n * double.Parse(m.Groups[4].Value); commitCpu += n * double.Parse(m.Groups[5].Value);
        }
        if (jobs > 0)
        {
            Console.WriteLine($"  writer: {jobs / Math.Max(1, s.Requests):0.00} jobs/request; per job run {runCpu / jobs:0.0} µs CPU ({runWall / jobs:0.0} wall), " +
                              $"commit {commitCpu / jobs:0.0} µs CPU ({commitWall / jobs:0.0} wall)");
        }
    }
    if (counting is not null)
    {
        var rps = s.Rps;
        foreach (var line in (await counting).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(',');
            if (f.Length > 2 && double.TryParse(f[0], out var count))
            {
                Console.WriteLine($"  {f[2],-40} {count / perfStat / rps,8:0.00} per request");
            }
        }
    }
    set.Delete();
}
