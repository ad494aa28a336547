using System.Text;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Every distinct failure of a run, with the first request that showed it, so one run reports all the bugs it met
/// instead of stopping at the first. Distinct means: method, route, status, rule broken and its signature.
/// </summary>
public sealed class FailureLog(FuzzSettings settings)
{
    private sealed class Entry
    {
        public required int FirstCase { get; init; }
        public required string Request { get; init; }
        public required string Response { get; init; }
        public required string? Exception { get; init; }
        public int Count { get; set; }
    }

    private readonly Dictionary<string, Entry> _entries = new();

    public int Distinct => _entries.Count;

    public void Record(int caseIndex, FuzzRequest request, CaseOutcome outcome, string kind, string signature)
    {
        var key = $"{request.Method} {request.Route} → {(outcome.Status == 0 ? "no response" : outcome.Status)} [{kind}] {signature}";
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Count++;
            return;
        }
        var exception = outcome.ServerErrors.Select(e => e.Exception).FirstOrDefault() ?? outcome.Thrown;
        _entries[key] = new Entry
        {
            FirstCase = caseIndex,
            Request = request.Describe(),
            Response = $"{outcome.Status} {outcome.ContentType}: {Start(outcome.Body, 300)}",
            Exception = exception is null ? null : Summary(exception),
            Count = 1,
        };
    }

    public string Report(int cases, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"Fuzz found {_entries.Count} distinct failure(s) in {cases} cases ({elapsed.TotalSeconds:F1} s). Replay: {settings.Replay}");
        var n = 0;
        foreach (var (key, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.AppendLine().AppendLine($"#{++n} {key}  ×{entry.Count}, first at case {entry.FirstCase} (seed {settings.Seed})");
            text.Append("  request: ").Append(entry.Request);
            text.Append("  response: ").AppendLine(entry.Response);
            if (entry.Exception is not null)
            {
                text.Append("  exception: ").AppendLine(entry.Exception);
            }
        }
        return text.ToString();
    }

    public static string Start(byte[] body, int max) =>
        FuzzRequest.Escape(FuzzRequest.Shorten(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, max * 4)), max));

    /// <summary>Type, message and the top frames of each exception in the chain.</summary>
    private static string Summary(Exception e)
    {
        var text = new StringBuilder();
        for (var current = e; current is not null; current = current.InnerException)
        {
            text.Append(current.GetType().FullName).Append(": ").AppendLine(FuzzRequest.Shorten(current.Message, 300));
            foreach (var frame in (current.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).Take(8))
            {
                text.Append("      ").AppendLine(frame.Trim());
            }
        }
        return text.ToString().TrimEnd();
    }
}
