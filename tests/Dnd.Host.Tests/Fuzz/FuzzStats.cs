using System.Text;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// What the run reached, per family: status classes, and for webhooks how many got past the signature check.
/// A fuzz whose requests all bounce off authentication finds nothing, and this makes that visible.
/// </summary>
public sealed class FuzzStats
{
    private readonly Dictionary<string, int[]> _byFamily = new();
    private int _unsent;
    private readonly Dictionary<string, string> _clientSide = new();

    public TimeSpan Generating { get; set; }

    public TimeSpan Sending { get; set; }

    public TimeSpan Digesting { get; set; }

    /// <summary>Columns: cases, 2xx, 3xx, 4xx, 5xx, no response, past auth (not 401/403).</summary>
    public void Add(FuzzRequest request, CaseOutcome outcome)
    {
        var family = Families.Of(request.Route).ToString();
        if (!_byFamily.TryGetValue(family, out var row))
        {
            _byFamily[family] = row = new int[7];
        }
        row[0]++;
        row[outcome.Status switch { >= 200 and < 300 => 1, >= 300 and < 400 => 2, >= 400 and < 500 => 3, >= 500 => 4, _ => 5 }]++;
        if (outcome.Status is not (401 or 403 or 0))
        {
            row[6]++;
        }
        if (outcome.Status == 0 && outcome.Thrown is null && outcome.ServerErrors.Count == 0)
        {
            _unsent++;
        }
        if (outcome.Status == 0 && outcome.Thrown is { } thrown && outcome.ServerErrors.Count == 0)
        {
            // The in-memory test server refuses some requests before the app sees them (e.g. NUL in the path);
            // listed so such cases are visible, not silently counted as passing.
            _clientSide.TryAdd($"{thrown.GetType().Name}: {FuzzRequest.Shorten(thrown.Message, 150)}", $"{request.Method} {FuzzRequest.Escape(FuzzRequest.Shorten(request.Url, 100))}");
        }
    }

    public string Report(TimeSpan elapsed)
    {
        var text = new StringBuilder($"Fuzz run took {elapsed.TotalSeconds:F1} s (generating {Generating.TotalSeconds:F1} s, " +
            $"requests {Sending.TotalSeconds:F1} s, database digests {Digesting.TotalSeconds:F1} s); {_unsent} request(s) could not be sent.\n");
        text.AppendLine("family        cases   2xx   3xx   4xx   5xx  none  past-auth");
        foreach (var (family, r) in _byFamily.OrderBy(f => f.Key))
        {
            text.AppendLine($"{family,-12}{r[0],6}{r[1],6}{r[2],6}{r[3],6}{r[4],6}{r[5],6}{r[6],11}");
        }
        foreach (var (error, example) in _clientSide)
        {
            text.AppendLine($"no response, no server error: {error} (e.g. {example})");
        }
        return text.ToString();
    }
}
