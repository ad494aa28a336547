using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dnd.Load;

/// <summary>What a request, once answered 2xx, must have left behind (checked after the load), or what a send must answer.</summary>
/// <param name="Contact">Index of the seeded contact; -1 for none.</param>
/// <param name="Channel">0 = SMS, 1 = Email.</param>
/// <param name="MinRank">DND the channel must at least show after a 2xx: 1 = active, 2 = permanent.</param>
/// <param name="SendBlocked">For sends: 1 = must be refused 422 (DND), 0 = must be sent 2xx, -1 = not a send.</param>
/// <param name="Cause">Index into <see cref="Causes"/>, for the report.</param>
public readonly record struct Expect(int Contact, byte Channel, byte MinRank, sbyte SendBlocked, byte Cause)
{
    public static readonly string[] Causes =
        ["", "STOP", "status 21610", "status 30003", "mailgun failed/bounce", "mailgun failed/suppress-unsubscribe", "mailgun unsubscribed", "mailgun complained", "send"];

    public static Expect None => new(-1, 0, 0, -1, 0);
}

/// <summary>
/// One scenario's requests: thread k of wrk sends the lines of Prefix.k.txt in order, each "header value\tbody".
/// The expectations are kept here, line by line, to be checked against what each request was answered.
/// </summary>
public sealed class RequestSet
{
    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string ContentType { get; init; }
    public string HeaderName { get; init; } = "-";
    public string StaticHeader { get; init; } = "-";
    public required Expect[][] Expects { get; init; }

    /// <summary>The same line may be sent twice (searches, sends): a wrap is not a shortfall.</summary>
    public bool Reusable { get; init; }

    public int Threads => Expects.Length;

    /// <summary>Writes the per-thread files, generating lines in parallel (signatures are computed here).</summary>
    public static RequestSet Write(string name, string prefix, string method, string path, string contentType, int threads, int linesPerThread,
        Func<int, int, (string Header, string Body, Expect Expect)> line, string headerName = "-", string staticHeader = "-", bool reusable = false)
    {
        var expects = new Expect[threads][];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
        {
            expects[t] = new Expect[linesPerThread];
            using var file = new StreamWriter($"{prefix}.{t}.txt", false, new UTF8Encoding(false), 1 << 16);
            for (var i = 0; i < linesPerThread; i++)
            {
                var (header, body, expect) = line(t, i);
                if (body.Contains('\n') || body.Contains('\t') || header.Contains('\t'))
                {
                    throw new InvalidOperationException($"{name}: a request line may hold no tab or newline");
                }
                file.Write(string.IsNullOrEmpty(header) ? "-" : header);
                file.Write('\t');
                file.Write(body);
                file.Write('\n');
                expects[t][i] = expect;
            }
        });
        return new RequestSet
        {
            Name = name, Prefix = prefix, Method = method, Path = path, ContentType = contentType, HeaderName = headerName,
            StaticHeader = staticHeader, Expects = expects, Reusable = reusable,
        };
    }

    public void Delete()
    {
        for (var t = 0; t < Threads; t++)
        {
            File.Delete($"{Prefix}.{t}.txt");
        }
    }
}

public sealed record WrkSummary
{
    public long Requests { get; init; }
    public long DurationUs { get; init; }
    public long P50Us { get; init; }
    public long P90Us { get; init; }
    public long P99Us { get; init; }
    public long MaxUs { get; init; }
    public long ConnectErrors { get; init; }
    public long ReadErrors { get; init; }
    public long WriteErrors { get; init; }
    public long StatusErrors { get; init; }
    public long Timeouts { get; init; }
    public long Wraps { get; init; }
    public Dictionary<string, long> Codes { get; init; } = new();

    [JsonIgnore] public double Rps => DurationUs == 0 ? 0 : Requests / (DurationUs / 1e6);
    [JsonIgnore] public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors;
    [JsonIgnore] public double P50Ms => P50Us / 1000.0;
    [JsonIgnore] public double P99Ms => P99Us / 1000.0;

    public long Code(int status) => Codes.GetValueOrDefault(status.ToString());

    public long Where(Func<int, bool> status) => Codes.Where(c => status(int.Parse(c.Key))).Sum(c => c.Value);
}

/// <summary>What one wrk thread (one connection) issued and, in order, what it was answered.</summary>
public sealed record WrkThread(int Tid, long Issued, long Wraps, int[] Statuses);

public sealed record WrkResult(RequestSet Set, int Connections, WrkSummary Summary, WrkThread[] Threads, string Output)
{
    /// <summary>
    /// Each thread has one connection, so its i-th answer is to its i-th line, unless a socket error lost an answer
    /// (then more than one request is unanswered at the end and the thread's answers cannot be matched).
    /// </summary>
    /// <remarks>
    /// wrk calls request() once on its first thread's script before the load, to check the request parses
    /// (script_verify_request in wrk.c), and never sends that one: thread 0's first line is not sent.
    /// </remarks>
    public IEnumerable<(Expect Expect, int Status)> Answers(Action<int>? unmatched = null)
    {
        foreach (var t in Threads)
        {
            var lines = Set.Expects[t.Tid];
            var skipped = t.Tid == 0 ? 1 : 0;
            if (t.Issued - skipped - t.Statuses.Length > 1)
            {
                unmatched?.Invoke(t.Statuses.Length);
                continue;
            }
            for (var i = 0; i < t.Statuses.Length; i++)
            {
                yield return (lines[(i + skipped) % lines.Length], t.Statuses[i]);
            }
        }
    }
}

public static class Wrk
{
    public static async Task<WrkResult> RunAsync(string wrk, string script, string baseUrl, RequestSet set, int seconds, string logPath)
    {
        File.Delete(set.Prefix + ".result");
        var args = new List<string>
        {
            $"-t{set.Threads}", $"-c{set.Threads}", $"-d{seconds}s", "--timeout", "10s", "-s", script, baseUrl + set.Path, "--",
            set.Prefix, set.Method, set.Path, set.ContentType, set.HeaderName, set.StaticHeader,
        };
        var start = new ProcessStartInfo(wrk, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 120)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        var output = await stdout + await stderr;
        await File.AppendAllTextAsync(logPath, $"== {set.Name}: wrk {string.Join(' ', args)}\n{output}\n");
        if (process.ExitCode != 0 || !File.Exists(set.Prefix + ".result"))
        {
            throw new InvalidOperationException($"wrk failed for {set.Name} (exit {process.ExitCode}): {output}");
        }
        var lines = await File.ReadAllLinesAsync(set.Prefix + ".result");
        var summary = JsonSerializer.Deserialize<WrkSummary>(lines[0], new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var threads = lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var parts = l.Split(' ');
            var statuses = parts.Length > 3 && parts[3].Length > 0 ? parts[3].Split(',').Select(int.Parse).ToArray() : [];
            return new WrkThread(int.Parse(parts[0]), long.Parse(parts[1]), long.Parse(parts[2]), statuses);
        }).ToArray();
        return new WrkResult(set, set.Threads, summary, threads, output);
    }
}
