using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Durability;

/// <summary>
/// The built server run as its own OS process (`dotnet Dnd.Host.dll`, never `dotnet run` nor a shell), so it can be
/// killed with SIGKILL like a crashed or OOM-killed server: no shutdown hook, no flush, no dispose runs.
/// </summary>
/// <remarks>
/// The dll is src/Host/bin/&lt;the test assembly's configuration&gt;/net10.0/Dnd.Host.dll (the test project references the
/// Host, so building the tests builds it). DND_KILLNINE_HOST names another build instead, e.g. a deliberately broken
/// copy to check that the kill tests catch it.
/// </remarks>
public sealed class HostProcess : IAsyncDisposable
{
    public const string AdminKey = "kill-nine-admin-key";

    /// <summary>What Twilio signs over; the server is told it is its public URL.</summary>
    public const string PublicBaseUrl = "http://dnd.test";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();

    private HostProcess(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public string LogPath { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>From the process start to the first 200 from GET /health.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static string DllPath =>
        Environment.GetEnvironmentVariable("DND_KILLNINE_HOST") is { Length: > 0 } other
            ? other
            : Path.Combine(RepoPaths.Root, "src", "Host", "bin", Configuration, "net10.0", "Dnd.Host.dll");

    /// <summary>The test assembly's configuration: AppContext.BaseDirectory is …/bin/&lt;Configuration&gt;/net10.0/.</summary>
    private static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <param name="database">Dnd__Database__* settings; the same ones again restart the server on the same data.</param>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> database, string logFolder)
    {
        var dll = DllPath;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution in the tests' configuration ({Configuration}) first.");
        }
        var port = FreePort();
        var start = StartInfo(dll, port, database);
        var logPath = Path.Combine(logFolder, $"server-{port}.log");
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var server = new HostProcess(process, port, logPath);
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server.EnsureIsTheServer(dll);

        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode} while starting:\n{server.Tail()}");
            }
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.StartupTime = clock.Elapsed;
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"the server did not answer GET /health within 60 s:\n{server.Tail()}");
    }

    /// <summary>The server's command line and environment: the test settings, then <paramref name="settings"/> over them.</summary>
    private static ProcessStartInfo StartInfo(string dll, int port, IReadOnlyDictionary<string, string> settings)
    {
        // The muxer runs the app in its own process (hostfxr loads the runtime in place): this pid is the server.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", [dll])
        {
            // Content root: relative settings (the workflows folder) resolve as they do under dotnet run.
            WorkingDirectory = Path.Combine(RepoPaths.Root, "src", "Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Dnd__", StringComparison.OrdinalIgnoreCase) ||
                                                                    k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
                                                                    k.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Dnd__AdminKey"] = AdminKey;
        start.Environment["Dnd__Messaging__PublicBaseUrl"] = PublicBaseUrl;
        start.Environment["Dnd__Messaging__UnsubscribeSigningKey"] = "kill-nine-unsubscribe-key";
        start.Environment["Dnd__Messaging__DefaultSendingWindow"] = "always";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>Starts the server with <paramref name="settings"/> and waits for it to exit by itself (a refused start).</summary>
    /// <returns>Its exit code and what it wrote on stderr.</returns>
    public static async Task<(int ExitCode, string Errors)> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings, TimeSpan within)
    {
        using var process = Process.Start(StartInfo(DllPath, FreePort(), settings)) ?? throw new InvalidOperationException($"could not start {DllPath}");
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new InvalidOperationException($"the server was still running after {within.TotalSeconds:0} s; it should have refused to start");
        }
        return (process.ExitCode, await errors);
    }

    /// <summary>SIGTERM, what an orchestrator sends to stop a server gracefully; returns at once.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed");
        }
    }

    /// <summary>Waits for the process to end; its exit code, or null when it was still running after <paramref name="within"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGKILL to the server process itself (Process.Kill on Unix); returns at once.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGKILL (unless <see cref="Kill"/> sent it already), then waits until the process is gone and checks it died of it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        await _process.WaitForExitAsync();
        if (OperatingSystem.IsLinux() && _process.ExitCode != 128 + 9)
        {
            throw new InvalidOperationException($"the server ended with {_process.ExitCode}, not by SIGKILL (137)");
        }
    }

    /// <summary>A client for this server process; the API key, when given, as the bearer.</summary>
    public HttpClient Client(string? apiKey = null, int connections = 64)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string Tail() => string.Join('\n', _tail);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>Guards the kill: the pid must run the Host dll itself, not a shell or launcher around it.</summary>
    private void EnsureIsTheServer(string dll)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        // Right after the fork the child may not have exec'd yet (empty or the test host's cmdline): wait for the exec.
        var waited = Stopwatch.StartNew();
        string[] cmdline;
        while (!IsTheServer(cmdline = File.ReadAllText($"/proc/{_process.Id}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries), dll))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(5) || _process.HasExited)
            {
                throw new InvalidOperationException($"pid {_process.Id} runs '{string.Join(' ', cmdline)}', not the server");
            }
            Thread.Sleep(5);
        }
    }

    private static bool IsTheServer(string[] cmdline, string dll) =>
        cmdline.Contains(dll) && Path.GetFileNameWithoutExtension(cmdline[0]) == "dotnet";

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        _tail.Enqueue(line);
        while (_tail.Count > 40 && _tail.TryDequeue(out _))
        {
        }
        try
        {
            File.AppendAllText(LogPath, line + "\n");
        }
        catch (IOException)
        {
            // The log is a diagnostic; never fail the server over it.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
