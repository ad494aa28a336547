using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Dnd.Load;

/// <summary>
/// A server run as its own process (`dotnet X.dll`, never `dotnet run`, whose launch settings override the URL),
/// with its output in a log file. Start-up is timed from the process start to the first 200 from GET /health.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, int port)
    {
        _process = process;
        _log = log;
        Port = port;
    }

    public int Port { get; }
    public int Pid => _process.Id;
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public double StartupMs { get; private set; }
    public bool HasExited => _process.HasExited;

    public static async Task<ServerProcess> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        int port, string logPath, TimeSpan timeout)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build it first (bench/load.sh does)");
        }
        // A framework-dependent build runs under dotnet; a self-contained publish is its own executable.
        var start = new ProcessStartInfo(dll.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : dll, dll.EndsWith(".dll", StringComparison.Ordinal) ? [dll] : [])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var server = new ServerProcess(process, log, port);
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} while starting; see {logPath}");
            }
            try
            {
                using var response = await http.GetAsync($"{server.BaseUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.StartupMs = clock.Elapsed.TotalMilliseconds;
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(5);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"{Path.GetFileName(dll)} did not answer GET /health within {timeout}; see {logPath}");
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Resident set size (VmRSS) in KiB, and its peak so far (VmHWM).</summary>
    public (long RssKb, long PeakKb) Memory()
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:"))
            {
                rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            }
            else if (line.StartsWith("VmHWM:"))
            {
                hwm = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            }
        }
        return (rss, hwm);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>SIGTERM (a graceful ASP.NET Core shutdown), then SIGKILL after 15 s.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            kill(_process.Id, 15);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
