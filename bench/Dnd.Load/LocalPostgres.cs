using System.Diagnostics;

namespace Dnd.Load;

/// <summary>
/// A throwaway PostgreSQL for --postgres, started the way the test suite does (tests/Dnd.Host.Tests/Infrastructure/
/// PostgresServer.cs): initdb into a scratch folder, listen on 127.0.0.1 and a free port. Unlike the tests it keeps
/// fsync on, so its commits are as durable as SQLite's.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _dataDir;
    private readonly string _binDir;

    private LocalPostgres(string dataDir, string binDir, int port)
    {
        _dataDir = dataDir;
        _binDir = binDir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The postmaster's process id (first line of postmaster.pid), whose children are the backends.</summary>
    public int? PostmasterPid => File.Exists(Path.Combine(_dataDir, "postmaster.pid")) &&
                                 int.TryParse(File.ReadLines(Path.Combine(_dataDir, "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=100";

    public static async Task<LocalPostgres> StartAsync(string scratch)
    {
        var binDir = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (binDir is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); bench/load.sh --postgres installs it");
        }
        var dataDir = Path.Combine(scratch, "pg");
        Directory.CreateDirectory(dataDir);
        var port = ServerProcess.FreePort();
        var server = new LocalPostgres(dataDir, binDir, port);
        if (IsRoot)
        {
            await RunAsync("chown", $"postgres:postgres {dataDir}");
            await RunAsync("chmod", $"o+x {scratch}");
        }
        await server.PgAsync("initdb", $"-D {dataDir} -A trust -U postgres -E UTF8");
        await server.PgAsync("pg_ctl", $"-D {dataDir} -l {dataDir}/server.log -w -o \"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB\" start");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", $"-D {_dataDir} -m immediate stop");
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string tool, string arguments) => IsRoot
        ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_binDir, tool)} {arguments}")
        : RunAsync(Path.Combine(_binDir, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
