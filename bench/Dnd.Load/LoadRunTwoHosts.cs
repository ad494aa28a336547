namespace Dnd.Load;

/// <summary>
/// --hosts 2 (PostgreSQL only): the inbound webhook load again, split over two server processes on the one database,
/// as behind a load balancer; its throughput beside the one-host figure, and its STOPs checked with the rest.
/// </summary>
public sealed partial class LoadRun
{
    public sealed record TwoHostsResult(WrkResult First, WrkResult Second)
    {
        public double Rps => First.Summary.Rps + Second.Summary.Rps;
    }

    /// <summary>Starts a second server like the first (same database, keys and public URL), loads both at once, stops it.</summary>
    private async Task<TwoHostsResult> TwoHostsAsync(string wrk, Requests requests, IReadOnlyDictionary<string, string> environment, string serverLog)
    {
        var connections = 32;
        Step($"a second server on the same PostgreSQL database (log {Path.GetFileName(serverLog)})");
        await using var second = await ServerProcess.StartAsync(HostDll, Path.Combine(Root, "src", "Host"), environment, ServerProcess.FreePort(), serverLog,
            TimeSpan.FromSeconds(120));
        var sets = new[]
        {
            requests.TwilioInbound("inbound-2h-a", connections, UniqueLines(connections, o.Seconds), false, 7),
            requests.TwilioInbound("inbound-2h-b", connections, UniqueLines(connections, o.Seconds), false, 8),
        };
        Step($"Twilio inbound SMS on 2 hosts, {connections} + {connections} conn, {o.Seconds} s");
        var before = _cpu.Take();
        var started = DateTimeOffset.UtcNow;
        // Each wrk drives one host: the load balancer's even split, without a proxy's own cost in the figure.
        var results = await Task.WhenAll(Wrk.RunAsync(wrk, Lua, _server!.BaseUrl, sets[0], o.Seconds, WrkLog),
            Wrk.RunAsync(wrk, Lua, second.BaseUrl, sets[1], o.Seconds, WrkLog));
        _phases.Add(("inbound on 2 hosts", started, DateTimeOffset.UtcNow));
        Other("inbound on 2 hosts", before);
        var result = new TwoHostsResult(results[0], results[1]);
        Step($"  {result.Rps:N0} req/s ({results[0].Summary.Rps:N0} + {results[1].Summary.Rps:N0}); p99 {results[0].Summary.P99Ms:0.00} / {results[1].Summary.P99Ms:0.00} ms");
        if (_server.HasExited || second.HasExited)
        {
            throw new InvalidOperationException("a server exited during the two-host load; see its log");
        }
        foreach (var set in sets)
        {
            set.Delete();
        }
        return result;
    }

    private void TwoHostsRows(WrkResult oneHost, TwoHostsResult two)
    {
        var s = new[] { two.First.Summary, two.Second.Summary };
        _report.Add(new Row($"Twilio inbound SMS, 2 hosts on one PostgreSQL, {two.First.Connections} + {two.Second.Connections} conn",
            $"{Report.N(two.Rps)} req/s; p99 {Report.Ms(s.Max(x => x.P99Ms))}; {s.Sum(x => x.SocketErrors)} socket errors, {s.Sum(x => x.Timeouts)} timeouts",
            $"{Report.N(oneHost.Summary.Rps)} req/s (1 host, {oneHost.Connections} conn)", Report.Percent(two.Rps, oneHost.Summary.Rps)));
        _report.Notes.Add("2 hosts: a second server process on the same database and machine (so the two share its 2 cores with PostgreSQL and wrk: " +
                          "the figure shows the sharing is correct and what contention costs, not what a second machine adds); each wrk drives one host.");
    }
}
