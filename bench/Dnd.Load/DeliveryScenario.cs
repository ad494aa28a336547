using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Load;

/// <summary>What the delivery scenario measured and what the exactly-once check found.</summary>
public sealed record DeliveryResult
{
    public int Asked { get; init; }
    public int Queued { get; init; }
    public double BacklogSeconds { get; init; }
    public int Released { get; init; }
    public double ConnectSeconds { get; init; }
    public double FirstPostSeconds { get; init; }
    public double WindowSeconds { get; init; }
    public long PostsInWindow { get; init; }
    public long SentInWindow { get; init; }
    public double SlowestSecond { get; init; }
    public double FastestSecond { get; init; }
    public long LeftAtWindowEnd { get; init; }
    public required WrkResult Inbound { get; init; }
    public double ServerCores { get; init; }
    public double HarnessCores { get; init; }
    public double WrkCores { get; init; }
    public double OtherCores { get; init; }
    public long TailPosts { get; init; }
    public double TailSeconds { get; init; }
    public bool Drained { get; init; }
    public double DrainSeconds { get; init; }
    public int SentOnce { get; init; }
    public int Duplicates { get; init; }
    public int Missing { get; init; }
    public int Unexpected { get; init; }
    public long Untokened { get; init; }
    public int SidMismatch { get; init; }
    public Dictionary<string, int> Statuses { get; init; } = new();

    public double PostsPerSecond => PostsInWindow / Math.Max(0.001, WindowSeconds);
    public double SentPerSecond => SentInWindow / Math.Max(0.001, WindowSeconds);
    public double TailPerSecond => TailPosts / Math.Max(0.001, TailSeconds);
    public int Wrong => Duplicates + Missing + Unexpected + SidMismatch + (int)Untokened + Statuses.Where(s => s.Key != MessageStatus.Sent).Sum(s => s.Value);
}

/// <summary>
/// The outbox's delivery throughput (issue 14 item 6): a backlog of SMS messages, one per contact and each carrying a
/// unique token, is queued through the send API while the account has no integration (so it waits); connecting the
/// account's Twilio integration to <see cref="FakeTwilio"/> releases it; from the first hand-over, the inbound webhook
/// load runs for the scenario's duration while the outbox drains the backlog; afterwards the rest drains alone and
/// every message is checked to have reached the fake exactly once, with the sid the fake gave it recorded.
/// The account is a second one, with contacts of its own: the bench account never connects an integration, so the
/// earlier scenarios run exactly as they did, and its queued messages (sends, workflow steps, opt-out confirmations,
/// whose count and due times depend on the hour) are not in this backlog.
/// </summary>
public sealed class DeliveryScenario(
    Action<string> step, string provider, string connectionString, string serverUrl, int serverPid, FakeTwilio fake, BenchAccount account,
    string senderNumber, string authToken, TimeSpan drainCap)
{
    public static string ContactId(int i) => $"bdlv{i:D8}";

    public async Task<DeliveryResult> RunAsync(int count, Func<Task<WrkResult>> inboundLoad)
    {
        using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(serverUrl), Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);

        // 1. The backlog, while no integration carries SMS: the outbox moves it out of the due range (waiting).
        step($"delivery: queuing {count:N0} SMS (transactional, one per contact, each with its token) through the send API, 64 in flight");
        var queued = new ConcurrentBag<int>();
        var refused = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            using var response = await api.PostAsJsonAsync("/conversations/messages", new
            {
                type = "SMS", contactId = ContactId(i), purpose = "transactional",
                message = $"Your order has shipped {FakeTwilio.TokenStart}{i}]",
            }, ct);
            if (response.IsSuccessStatusCode)
            {
                queued.Add(i);
            }
            else if (refused.Count < 5)
            {
                refused.Add($"{ContactId(i)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        var backlogSeconds = clock.Elapsed.TotalSeconds;
        step($"  {queued.Count:N0} queued in {backlogSeconds:0.0} s ({queued.Count / backlogSeconds:N0}/s); {count - queued.Count:N0} refused" +
             (refused.IsEmpty ? "" : $", e.g. {refused.First()}"));

        // 2. Connecting releases the waiting backlog in the connect's own write. Only once all of it waits: an outbox
        // pass that read "no integration" before a connect committed still pushes the channel's due messages out by
        // Dnd:Messaging:NoIntegrationRetry after it (its route is read before its write), which would strand the backlog.
        clock.Restart();
        while (await CountAsync(m => m.Status == MessageStatus.Queued && (m.StatusReason == null || !m.StatusReason.StartsWith("waiting: "))) > 0
               && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
        step($"  all waiting for an integration {clock.Elapsed.TotalMilliseconds:N0} ms after the last send");
        clock.Restart();
        using (var response = await api.PutAsJsonAsync("/locations/integrations/twilio",
                   new { accountSid = fake.AccountSid, authToken, senderNumbers = new[] { senderNumber } }))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"connecting Twilio answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        var connectSeconds = clock.Elapsed.TotalSeconds;
        var released = await CountAsync(m => m.StatusReason == null || !m.StatusReason.StartsWith("waiting: "));
        clock.Restart();
        while (fake.Posts == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(5);
        }
        var firstPost = clock.Elapsed.TotalSeconds;
        if (fake.Posts == 0)
        {
            throw new InvalidOperationException($"connecting released {released:N0} messages but the outbox handed none over in 30 s");
        }
        step($"  connected in {connectSeconds * 1000:N0} ms; first hand-over {firstPost * 1000:N0} ms later");

        // 3. The window: the inbound webhook load while the outbox drains.
        var cpuBefore = Cpu();
        var sentBefore = await CountAsync(MessageStatus.Sent);
        var postsBefore = fake.Posts;
        var window = Stopwatch.StartNew();
        var load = inboundLoad();
        var perSecond = new List<double>();
        var last = (Posts: postsBefore, At: 0.0);
        while (!load.IsCompleted)
        {
            await Task.WhenAny(load, Task.Delay(1000));
            var now = (Posts: fake.Posts, At: window.Elapsed.TotalSeconds);
            if (!load.IsCompleted && now.At - last.At > 0.5)
            {
                perSecond.Add((now.Posts - last.Posts) / (now.At - last.At));
                last = now;
            }
        }
        var inbound = await load;
        var postsAfter = fake.Posts;
        var windowSeconds = window.Elapsed.TotalSeconds;
        var sentAfter = await CountAsync(MessageStatus.Sent);
        var cpuAfter = Cpu();
        var left = queued.Count - postsAfter;
        var cores = (Server: Cores(cpuBefore, cpuAfter, c => c.Server), Harness: Cores(cpuBefore, cpuAfter, c => c.Harness),
            Wrk: Cores(cpuBefore, cpuAfter, c => c.Children), Busy: Cores(cpuBefore, cpuAfter, c => c.Busy));
        var otherCores = Math.Max(0, cores.Busy - cores.Server - cores.Harness - cores.Wrk);
        step($"  {postsAfter - postsBefore:N0} handed over in {windowSeconds:0.0} s = {(postsAfter - postsBefore) / windowSeconds:N0}/s " +
             $"({sentAfter - sentBefore:N0} recorded sent = {(sentAfter - sentBefore) / windowSeconds:N0}/s); inbound {inbound.Summary.Rps:N0} req/s, " +
             $"p99 {inbound.Summary.P99Ms:0.0} ms; server {cores.Server:0.00} cores, harness with the fake {cores.Harness:0.00}, wrk {cores.Wrk:0.00}, others {otherCores:0.00}; {left:N0} still to go");

        // 4. The rest drains without the webhook load; then exactly once, message by message.
        var tail = Stopwatch.StartNew();
        var lastPostAt = 0.0;
        var tailPosts = fake.Posts;
        while (tail.Elapsed < drainCap && await CountAsync(MessageStatus.Queued, MessageStatus.Sending) > 0)
        {
            if (fake.Posts != tailPosts)
            {
                (tailPosts, lastPostAt) = (fake.Posts, tail.Elapsed.TotalSeconds);
            }
            await Task.Delay(100);
        }
        if (fake.Posts != tailPosts)
        {
            // The last posts came before the count reached nothing, and after the last look.
            (tailPosts, lastPostAt) = (fake.Posts, tail.Elapsed.TotalSeconds);
        }
        var drained = await CountAsync(MessageStatus.Queued, MessageStatus.Sending) == 0;
        var drainSeconds = tail.Elapsed.TotalSeconds;
        var result = await VerifyAsync(queued.ToHashSet());
        result = result with
        {
            Asked = count, Queued = queued.Count, BacklogSeconds = backlogSeconds, Released = released, ConnectSeconds = connectSeconds,
            FirstPostSeconds = firstPost, WindowSeconds = windowSeconds, PostsInWindow = postsAfter - postsBefore, SentInWindow = sentAfter - sentBefore,
            SlowestSecond = perSecond.DefaultIfEmpty(0).Min(), FastestSecond = perSecond.DefaultIfEmpty(0).Max(), LeftAtWindowEnd = left, Inbound = inbound,
            ServerCores = cores.Server, HarnessCores = cores.Harness, WrkCores = cores.Wrk, OtherCores = otherCores, TailPosts = tailPosts - postsAfter, TailSeconds = lastPostAt,
            Drained = drained, DrainSeconds = drainSeconds,
        };
        step($"  {(drained ? "drained" : "not drained")} {drainSeconds:0.0} s after the window ({result.TailPerSecond:N0}/s alone); " +
             $"exactly once: {result.SentOnce:N0} sent once, {result.Duplicates} twice or more, {result.Missing} missing, {result.Unexpected} unexpected, " +
             $"{result.SidMismatch} sid mismatches; statuses {string.Join(", ", result.Statuses.Select(s => $"{s.Key} {s.Value:N0}"))}");
        return result;
    }

    /// <summary>
    /// Each queued message: posted to the fake exactly once, recorded sent with the sid the fake answered that post
    /// with; nothing posted that was not queued; nothing left in any other status.
    /// </summary>
    private async Task<DeliveryResult> VerifyAsync(HashSet<int> queued)
    {
        var rows = await RetryAsync(async db => await db.Messages.AsNoTracking().Where(m => m.AccountId == account.Id)
            .Select(m => new { m.Body, m.Status, m.ProviderMessageId }).ToListAsync());
        var posted = fake.Tokens;
        int once = 0, duplicates = 0, missing = 0, mismatch = 0;
        foreach (var row in rows)
        {
            var token = FakeTwilio.TokenOf(row.Body);
            if (token is null || !posted.TryGetValue(token, out var post))
            {
                missing += row.Status == MessageStatus.Sent ? 1 : 0;
                continue;
            }
            if (post.Count > 1)
            {
                duplicates++;
            }
            else
            {
                once++;
            }
            if (row.Status == MessageStatus.Sent && row.ProviderMessageId != post.Sid)
            {
                mismatch++;
            }
        }
        var unexpected = posted.Keys.Count(t => !int.TryParse(t, out var i) || !queued.Contains(i));
        // A queued message not sent is counted by its status; one with no row at all is missing.
        missing += queued.Count - rows.Count(r => FakeTwilio.TokenOf(r.Body) is { } t && int.TryParse(t, out var i) && queued.Contains(i));
        return new DeliveryResult
        {
            Inbound = null!, SentOnce = once, Duplicates = duplicates, Missing = missing, Unexpected = unexpected, SidMismatch = mismatch,
            Untokened = fake.Untokened, Statuses = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private Task<int> CountAsync(params string[] statuses) => CountAsync(m => statuses.Contains(m.Status));

    private Task<int> CountAsync(System.Linq.Expressions.Expression<Func<MessageRecord, bool>> where) =>
        RetryAsync(db => db.Messages.Where(m => m.AccountId == account.Id).CountAsync(where));

    /// <summary>Reads beside the running server; a read that meets its writer's checkpoint is tried again.</summary>
    private async Task<T> RetryAsync<T>(Func<Dnd.Activities.Persistence.DndDbContext, Task<T>> read)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var db = Seeder.Open(provider, connectionString);
                return await read(db);
            }
            catch (Exception e) when (attempt < 20 && e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                await Task.Delay(50);
            }
        }
    }

    private readonly record struct CpuSample(long Machine, long Busy, long Server, long Harness, long Children);

    private CpuSample Cpu()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var self = CpuMeter.Jiffies("self", children: false);
        // Busy is less idle and iowait; children are the harness's finished child processes (wrk, once reaped).
        return new CpuSample(cpu.Sum(), cpu.Sum() - cpu[3] - cpu[4], CpuMeter.Jiffies(serverPid.ToString(), children: false), self,
            CpuMeter.Jiffies("self", children: true) - self);
    }

    /// <summary>Cores used between two samples (1.0 = one core busy throughout).</summary>
    private static double Cores(CpuSample before, CpuSample after, Func<CpuSample, long> of) =>
        after.Machine == before.Machine ? 0 : (double)(of(after) - of(before)) / (after.Machine - before.Machine) * Environment.ProcessorCount;
}
