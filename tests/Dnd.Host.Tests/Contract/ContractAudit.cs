using System.Collections.Concurrent;
using System.Text;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Contract;

/// <summary>
/// When a test server is disposed, checks every response it sent against its own /openapi/v1.json. Each undeclared
/// response goes to a report file for the whole run; with enforcement on, it also fails the test that owned the
/// server.
/// </summary>
/// <remarks>
/// Enforced by default, so every integration test also checks the contract of what it saw; DND_CONTRACT_AUDIT=0
/// turns that off for a run that only wants the report. The report is DND_CONTRACT_REPORT, or dnd-contract-violations.txt in the temp folder;
/// it is started afresh by each test run.
/// </remarks>
public static class ContractAudit
{
    public const bool EnforcedByDefault = true;

    private static readonly ConcurrentDictionary<string, OpenApiContract> Contracts = new();
    private static readonly object ReportLock = new();
    private static readonly Lazy<string> Report = new(StartReport);
    private static readonly AsyncLocal<List<string>?> CurrentTest = new();

    public static bool Enforced => Environment.GetEnvironmentVariable("DND_CONTRACT_AUDIT")?.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "on" => true,
        "0" or "false" or "off" => false,
        _ => EnforcedByDefault,
    };

    public static string ReportPath => Report.Value;

    /// <summary>The checker for a document, built once per distinct document text.</summary>
    public static OpenApiContract ContractFor(string document) => Contracts.GetOrAdd(document, d => new OpenApiContract(d));

    /// <summary>Every recorded response of the app that its own document does not declare.</summary>
    public static async Task<IReadOnlyList<ContractViolation>> ViolationsAsync(DndApp app, IReadOnlyList<ObservedResponse> responses)
    {
        if (responses.Count == 0)
        {
            return [];
        }
        using var client = app.CreateClient();
        using var document = await client.GetAsync("/openapi/v1.json");
        var text = await document.Content.ReadAsStringAsync();
        if (!document.IsSuccessStatusCode)
        {
            var logged = string.Join(Environment.NewLine, app.Errors.Snapshot().Select(e => $"{e.Category}: {e.Exception}"));
            throw new Xunit.Sdk.XunitException($"The test server could not serve /openapi/v1.json ({(int)document.StatusCode}): {text}{Environment.NewLine}{logged}");
        }
        var contract = ContractFor(text);
        return responses.Select(contract.Check).OfType<ContractViolation>().ToList();
    }

    /// <summary>Called by <see cref="DndApp.DisposeAsync"/> while the server still runs.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">Enforced and at least one response is undeclared.</exception>
    public static async Task AuditAsync(DndApp app, IReadOnlyList<ObservedResponse> responses)
    {
        _ = ReportPath;
        IReadOnlyList<ContractViolation> violations;
        try
        {
            violations = await ViolationsAsync(app, responses);
        }
        catch (Exception e) when (!Enforced)
        {
            Append([$"# could not audit a test server's {responses.Count} responses: {e.GetType().Name}: {e.Message}"]);
            return;
        }
        if (violations.Count == 0)
        {
            return;
        }
        var lines = violations.GroupBy(v => v.Key)
            .Select(g => $"{g.Key} [x{g.Count()}, e.g. {g.First().Observed.Path}]")
            .ToList();
        Append(lines);
        if (!Enforced)
        {
            return;
        }
        var failure = $"{violations.Count} response(s) of a test server are not declared by /openapi/v1.json (contract audit; " +
                      $"all of the run's are in {ReportPath}):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", lines);
        if (CurrentTest.Value is { } test)
        {
            // Disposed inside a test: fail it after it ran (ContractAuditAttribute), next to its own failure if it has one,
            // rather than throw from a dispose that would replace that failure.
            lock (test)
            {
                test.Add(failure);
            }
            return;
        }
        // Disposed by a class fixture, after its tests: fails the class's cleanup (and so the run).
        throw new Xunit.Sdk.XunitException(failure);
    }

    /// <summary>Called before each test by <see cref="ContractAuditAttribute"/>: servers disposed during it report to it.</summary>
    public static void BeginTest() => CurrentTest.Value = [];

    /// <summary>The audit failures of servers disposed during the test that just ran.</summary>
    public static IReadOnlyList<string> EndTest()
    {
        var failures = CurrentTest.Value ?? [];
        CurrentTest.Value = null;
        return failures;
    }

    private static void Append(IEnumerable<string> lines)
    {
        lock (ReportLock)
        {
            File.AppendAllLines(ReportPath, lines, Encoding.UTF8);
        }
    }

    private static string StartReport()
    {
        var path = Environment.GetEnvironmentVariable("DND_CONTRACT_REPORT") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "dnd-contract-violations.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path,
            $"# Dnd contract audit, test run of {DateTimeOffset.Now:u}: responses the OpenAPI document does not declare.{Environment.NewLine}" +
            $"# One line per distinct operation, status, content type and problem, per test server.{Environment.NewLine}");
        return path;
    }
}
