using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for the scale-out tests: initdb into a temp folder, listen on 127.0.0.1 and a
/// free port, and remove it all afterwards. DND_TEST_POSTGRES (a connection string without Database) uses an
/// existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDir;
    private string? _binDir;
    private string _baseConnection = "";

    public string ConnectionString(string database) => $"{_baseConnection};Database={database}";

    public string NewDatabase() => ConnectionString("dnd_" + Guid.NewGuid().ToString("N")[..12]);

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("DND_TEST_POSTGRES") is { Length: > 0 } external)
        {
            _baseConnection = external;
            return;
        }
        _binDir = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (_binDir is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Run the README test command, which installs it.");
        }
        _dataDir = Path.Combine(Path.GetTempPath(), "dnd-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDir);
        var port = FreePort();
        if (IsRoot)
        {
            await RunAsync("chown", $"postgres:postgres {_dataDir}");
        }
        await PgAsync("initdb", $"-D {_dataDir} -A trust -U postgres --no-sync -E UTF8");
        await PgAsync("pg_ctl", $"-D {_dataDir} -l {_dataDir}/server.log -w -o \"-p {port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
        _baseConnection = $"Host=127.0.0.1;Port={port};Username=postgres;Pooling=true;Maximum Pool Size=50";
    }

    public async Task DisposeAsync()
    {
        if (_dataDir is null)
        {
            return;
        }
        await PgAsync("pg_ctl", $"-D {_dataDir} -m immediate stop");
        Directory.Delete(_dataDir, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string tool, string arguments) => IsRoot
        ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_binDir!, tool)} {arguments}")
        : RunAsync(Path.Combine(_binDir!, tool), arguments);

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
