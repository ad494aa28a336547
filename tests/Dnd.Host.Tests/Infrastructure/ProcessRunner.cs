using System.Diagnostics;

namespace Dnd.Host.Tests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs an external tool (node, npm) with a deadline, capturing its output for the assertion message.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, string arguments, string workingDirectory,
        IDictionary<string, string>? environment = null, int timeoutMs = 180_000)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeoutMs);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeoutMs} ms");
        }
        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
