namespace Dnd.Load;

/// <summary>The delivery parts of the run: the fake Twilio's own ceiling, the delivery rows of the table, its check.</summary>
public sealed partial class LoadRun
{
    private const double DeliveryTarget = 2_000;

    public sealed record FakeCeiling(WrkSummary Summary, double CpuUsPerRequest);

    /// <summary>
    /// The fake alone under the same generator as the minimal app (POST Messages.json, 64 connections): what it can
    /// take, and the harness's CPU per request meanwhile, so its share of the 2 cores during delivery can be told.
    /// </summary>
    private async Task<FakeCeiling> FakeTwilioCeilingAsync(string wrk)
    {
        Step($"fake Twilio alone (in this process): POST Messages.json, 64 conn, {CeilingSeconds} s");
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{_twilio!.AccountSid}:{_twilioToken}"));
        const string Probe = "To=%2B12015550000&From=%2B15005550006&Body=ceiling+probe&StatusCallback=http%3A%2F%2F127.0.0.1%2Fstatus";
        var n = 0;
        RequestSet Set() => RequestSet.Write("fake-twilio", Path.Combine(_scratch, $"00-fake-twilio-{++n}"), "POST",
            $"/2010-04-01/Accounts/{_twilio.AccountSid}/Messages.json", "application/x-www-form-urlencoded", 64, 1, (_, _) => ("-", Probe, Expect.None),
            staticHeader: $"Authorization: Basic {auth}", reusable: true);
        await Wrk.RunAsync(wrk, Lua, _twilio.BaseUrl, Set(), o.WarmupSeconds, WrkLog);
        var before = _cpu.Take();
        var self = CpuMeter.Jiffies("self", children: false);
        var result = await Wrk.RunAsync(wrk, Lua, _twilio.BaseUrl, Set(), CeilingSeconds, WrkLog);
        // Clock ticks are 10 ms (USER_HZ 100).
        var usPerRequest = (CpuMeter.Jiffies("self", children: false) - self) * 10_000.0 / Math.Max(1, result.Summary.Requests);
        Other("the fake Twilio ceiling", before);
        if (result.Summary.Codes.Keys.Any(c => c != "201"))
        {
            throw new InvalidOperationException($"the fake Twilio answered the probe with {string.Join(", ", result.Summary.Codes.Keys)}");
        }
        _twilio.Reset();
        Step($"  {result.Summary.Rps:N0} req/s, p50 {result.Summary.P50Ms:0.00} ms, p99 {result.Summary.P99Ms:0.00} ms; {usPerRequest:0} µs of CPU per request");
        return new FakeCeiling(result.Summary, usPerRequest);
    }

    /// <summary>A message not delivered exactly once is as wrong as a contact left without its DND: the run exits 1.</summary>
    private void DeliveryWrong(DeliveryResult d)
    {
        if (d.Duplicates > 0) _report.Wrong.Add($"delivery: {d.Duplicates} message(s) were posted to the provider more than once");
        if (d.Missing > 0) _report.Wrong.Add($"delivery: {d.Missing} queued message(s) never reached the provider");
        if (d.Unexpected > 0) _report.Wrong.Add($"delivery: {d.Unexpected} post(s) carried a token no accepted send had");
        if (d.Untokened > 0) _report.Wrong.Add($"delivery: {d.Untokened} post(s) carried no delivery token (a message of another account or scenario left)");
        if (d.SidMismatch > 0) _report.Wrong.Add($"delivery: {d.SidMismatch} message(s) recorded a provider id other than the one the provider gave their post");
        foreach (var (status, count) in d.Statuses.Where(s => s.Key != Dnd.Crm.Persistence.MessageStatus.Sent))
        {
            _report.Wrong.Add($"delivery: {count:N0} message(s) left {status}" + (d.Drained ? "" : $" when the drain stopped waiting ({d.DrainSeconds:0} s)"));
        }
        if (d.LeftAtWindowEnd <= 0)
        {
            _report.Warnings.Add($"delivery: the backlog ran out before the window ended, so {Report.N(d.PostsPerSecond)} msgs/s is a lower bound; raise --delivery");
        }
    }

    private void DeliveryRows(Dictionary<string, WrkSummary> http, Ceilings.DbCeiling db, FakeCeiling fake, WrkResult inboundSolo, DeliveryResult d,
        Verification check)
    {
        var targets = !o.Postgres;
        string Rps(double v) => $"{Report.N(v)} req/s";
        var f = fake.Summary;
        _report.Add(new Row("ceiling: fake Twilio (in the harness) POST Messages.json, 64 conn",
            $"{Rps(f.Rps)}; p50 {Report.Ms(f.P50Ms)}, p99 {Report.Ms(f.P99Ms)}; {fake.CpuUsPerRequest:0} µs of CPU per request",
            $"{Rps(http["POST 64"].Rps)} (minimal POST, 64 conn)", Report.Percent(f.Rps, http["POST 64"].Rps)));

        var name = $"outbox delivery to the fake Twilio, {d.Queued / 1000:N0}k-SMS backlog, during Twilio inbound at 64 conn";
        var figure = $"{Report.N(d.PostsPerSecond)} msgs/s handed over ({d.PostsInWindow:N0} in {d.WindowSeconds:0.0} s, each second " +
                     $"{Report.N(d.SlowestSecond)}-{Report.N(d.FastestSecond)}); {Report.N(d.SentPerSecond)}/s recorded sent";
        _report.Add(new Row(name, figure, "2,000 msgs/s (the issue's target)", Report.Percent(d.PostsPerSecond, DeliveryTarget),
            targets ? "≥ 2,000 msgs/s while the webhooks run" : "—", targets ? d.PostsPerSecond >= DeliveryTarget && d.LeftAtWindowEnd > 0 ? "yes" : "no" : ""));
        _report.Add(new Row(name, $"{Report.N(d.PostsPerSecond)} msgs/s", $"{Rps(f.Rps)} (fake Twilio alone, 64 conn)", Report.Percent(d.PostsPerSecond, f.Rps)));
        // Each delivered message is two row updates in the outbox's batched writes: its claim and its answer.
        _report.Add(new Row(name, $"{Report.N(2 * d.PostsPerSecond)} message rows written/s (claim + answer)",
            $"{Report.N(db.BatchedRowsPerSecond)} rows/s ({(o.Postgres ? "raw PostgreSQL" : "raw SQLite")}, {Ceilings.BatchRows}-row transactions)",
            Report.Percent(2 * d.PostsPerSecond, db.BatchedRowsPerSecond)));
        var fakeCores = d.PostsPerSecond * fake.CpuUsPerRequest / 1e6;
        _report.Add(new Row(name, $"CPU over the window: server {d.ServerCores:0.00} cores, harness {d.HarnessCores:0.00} (the fake about {fakeCores:0.00} of it " +
                                  $"at its measured cost), wrk {d.WrkCores:0.00}, other processes {d.OtherCores:0.00}, of {Environment.ProcessorCount}"));

        var s = d.Inbound.Summary;
        var solo = inboundSolo.Summary;
        var inboundName = "Twilio inbound SMS (20% STOP), 64 conn, while the outbox delivers";
        _report.Add(new Row(inboundName, $"{Rps(s.Rps)}; p50 {Report.Ms(s.P50Ms)}, p99 {Report.Ms(s.P99Ms)}",
            $"{Rps(solo.Rps)}; p99 {Report.Ms(solo.P99Ms)} (the same scenario alone, this run)", $"{Report.Percent(s.Rps, solo.Rps)} / p99 {Report.Times(s.P99Ms, solo.P99Ms)}",
            targets ? "10,000 req/s, p99 < 50 ms" : "—", targets ? s.Rps >= 10_000 && s.P99Ms < 50 ? "yes" : "no" : ""));
        var bad = s.Where(c => c is < 200 or >= 300);
        var codes = string.Join(", ", s.Codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value:N0}"));
        _report.Add(new Row(inboundName, $"{s.Requests:N0} answers ({codes}); {bad:N0} unexpected, {s.SocketErrors} socket errors, {s.Timeouts} timeouts",
            Target: "no errors (harness)", Met: bad + s.SocketErrors + s.Timeouts == 0 ? "yes" : "no"));
        var stop = check.ByCause.GetValueOrDefault((byte)1);
        _report.Add(new Row("correctness: every 2xx STOP while the outbox delivered left SMS DND permanent",
            $"{stop.Answered2xx:N0} STOPs answered 2xx, {stop.Contacts:N0} contacts: {stop.Wrong} wrong", Target: "0 wrong", Met: stop.Wrong == 0 ? "yes" : "no"));

        _report.Add(new Row("delivery after the window, the webhook load over", d.TailSeconds > 0
            ? $"{Report.N(d.TailPerSecond)} msgs/s ({d.TailPosts:N0} in {d.TailSeconds:0.0} s)" : "nothing left to deliver"));
        _report.Add(new Row("delivery set-up (harness)",
            $"{d.Queued:N0} of {d.Asked:N0} SMS queued through the send API in {d.BacklogSeconds:0.0} s ({Report.N(d.Queued / d.BacklogSeconds)}/s, 64 in flight); " +
            $"connecting Twilio (two checks against the fake, {d.Released:N0} waiting messages released in its write) took {Report.N(d.ConnectSeconds * 1000)} ms; " +
            $"the first hand-over came {Report.N(d.FirstPostSeconds * 1000)} ms later"));
        _report.Add(new Row("correctness: every queued message reached the provider exactly once",
            $"{d.SentOnce:N0} posted once and recorded sent with the sid the fake answered; {d.Duplicates} posted twice or more, {d.Missing} missing, " +
            $"{d.Unexpected + d.Untokened} unexpected, {d.SidMismatch} with another sid; statuses: {string.Join(", ", d.Statuses.OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Value:N0}"))}" +
            (d.Drained ? $"; drained {d.DrainSeconds:0.0} s after the window" : $"; not drained {d.DrainSeconds:0} s after the window"),
            Target: "0 wrong (harness)", Met: d.Wrong == 0 && d.Drained ? "yes" : "no"));
        _report.Notes.Add($"Delivery: {d.Asked:N0} contacts of a second account ({DeliveryAccountId}) are seeded from the same addresses; its SMS, queued while it " +
                          "has no integration, wait; connecting its Twilio integration to the fake (in the harness's process, a single request delegate on Kestrel) " +
                          "releases them, and the window starts at the first hand-over and lasts the inbound scenario. The bench account never connects an " +
                          "integration, so the scenarios above run as before and its own queued messages are not delivered. msgs/s counts the fake's POSTs; " +
                          "\"recorded sent\" counts rows turned sent in the same window (it trails by the hand-overs in flight).");
    }
}
