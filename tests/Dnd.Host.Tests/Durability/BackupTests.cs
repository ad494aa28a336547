using System.Collections.Concurrent;
using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Dnd.Host.Tests.Durability;

/// <summary>
/// The documented backup works on a live database: `backup` runs while the real server takes writes, `restore` puts
/// the copy in place of another database, and the server started on it has every change acknowledged before the
/// backup began, each contact with its ledger line (a change and its line are one commit, so a copy has both or neither).
/// </summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    private const int Contacts = 240;
    private const int BackupAfter = 80;
    private const int Clients = 8;

    [Fact]
    public async Task A_backup_taken_under_writes_restores_with_every_acknowledged_change_and_its_ledger()
    {
        var folder = TempFiles.NewFolder();
        var (live, restored, backup) = (Path.Combine(folder, "live.db"), Path.Combine(folder, "restored.db"), Path.Combine(folder, "backup.db"));
        var server = await HostProcess.StartAsync(ServerDatabase.Sqlite(live), folder);
        string apiKey;
        var acknowledged = new ConcurrentDictionary<string, DateTimeOffset>();
        ProcessResult backedUp;
        DateTimeOffset backupStarted;
        try
        {
            apiKey = await CreateAccountAsync(server);
            using var api = server.Client(apiKey, Clients);
            var next = -1;
            var backupGate = new TaskCompletionSource<(ProcessResult, DateTimeOffset)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) is var i && i < Contacts)
                {
                    var response = await api.PostAsJsonAsync("/contacts/", new
                    {
                        email = $"c{i}-{Guid.NewGuid():N}@example.com",
                        dndSettings = new Dictionary<string, object> { ["Email"] = new { status = "active", message = "asked by phone" } },
                    });
                    await Http.EnsureAsync(response, 201);
                    acknowledged[(await Http.JsonAsync(response)).GetProperty("contact").GetProperty("id").GetString()!] = DateTimeOffset.UtcNow;
                    if (acknowledged.Count == BackupAfter)
                    {
                        _ = Task.Run(async () =>
                        {
                            var started = DateTimeOffset.UtcNow;
                            backupGate.SetResult((await RunAsync("backup", backup, live), started));
                        });
                    }
                }
            })).ToList();
            await Task.WhenAll(writers);
            (backedUp, backupStarted) = await backupGate.Task;
        }
        finally
        {
            await server.DisposeAsync();
        }
        output.WriteLine(backedUp.Output + backedUp.Error);
        backedUp.ExitCode.Should().Be(0, backedUp.Error);
        backedUp.Output.Should().Contain("integrity ok");

        var restoredRun = await RunAsync("restore", backup, restored);
        output.WriteLine(restoredRun.Output + restoredRun.Error);
        restoredRun.ExitCode.Should().Be(0, restoredRun.Error);

        var beforeBackup = acknowledged.Where(a => a.Value < backupStarted).Select(a => a.Key).ToList();
        beforeBackup.Count.Should().BeGreaterThanOrEqualTo(BackupAfter - Clients);
        var (contacts, withoutLedger) = ReadRestored(restored);
        contacts.Should().Contain(beforeBackup, "every change acknowledged before the backup began was committed before it");
        acknowledged.Values.Count(at => at > backupStarted).Should().BeGreaterThan(0, "the backup ran while writes went on");
        output.WriteLine($"{beforeBackup.Count} acknowledged before the backup began, {contacts.Count} in the backup, {Contacts} in all");
        withoutLedger.Should().BeEmpty("a contact's change and its ledger line committed together");

        var again = await HostProcess.StartAsync(ServerDatabase.Sqlite(restored), folder);
        try
        {
            using var api = again.Client(apiKey);
            foreach (var id in beforeBackup.Take(20))
            {
                var contact = (await Http.JsonAsync(await api.GetAsync($"/contacts/{id}"))).GetProperty("contact");
                contact.GetProperty("dndSettings").GetProperty("Email").GetProperty("status").GetString().Should().Be("active");
                (await Http.JsonAsync(await api.GetAsync($"/contacts/{id}/dnd/ledger"))).GetProperty("entries").GetArrayLength().Should().BeGreaterThan(0);
            }
        }
        finally
        {
            await again.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_a_restore_refuses_a_damaged_one()
    {
        var folder = TempFiles.NewFolder();
        var (live, existing) = (Path.Combine(folder, "live.db"), Path.Combine(folder, "existing.db"));
        await File.WriteAllTextAsync(existing, "not a database");

        (await RunAsync("backup", existing, live)).Error.Should().Contain("never overwrites");
        var refused = await RunAsync("restore", existing, live);
        refused.ExitCode.Should().Be(1);
        File.Exists(live).Should().BeFalse("a refused restore leaves the database as it was");
    }

    private static Task<ProcessResult> RunAsync(string verb, string file, string database) =>
        ProcessRunner.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            $"\"{HostProcess.DllPath}\" {verb} \"{file}\"", Path.Combine(RepoPaths.Root, "src", "Host"),
            new Dictionary<string, string>(ServerDatabase.Sqlite(database)) { ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["Logging__LogLevel__Default"] = "Warning" },
            timeoutMs: 60_000);

    private static async Task<string> CreateAccountAsync(HostProcess server)
    {
        using var admin = server.Client();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", HostProcess.AdminKey);
        var id = "backup-" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostAsJsonAsync("/admin/accounts", new { id, name = id });
        await Http.EnsureAsync(response, 201);
        return (await Http.JsonAsync(response)).GetProperty("apiKey").GetString()!;
    }

    /// <summary>The restored file's contacts, and those of them with no ledger line.</summary>
    private static (HashSet<string> Contacts, List<string> WithoutLedger) ReadRestored(string file)
    {
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT c.\"Id\", (SELECT count(*) FROM \"Ledger\" l WHERE l.\"ContactId\" = c.\"Id\") FROM \"Contacts\" c";
        using var reader = command.ExecuteReader();
        var (contacts, without) = (new HashSet<string>(), new List<string>());
        while (reader.Read())
        {
            contacts.Add(reader.GetString(0));
            if (reader.GetInt64(1) == 0)
            {
                without.Add(reader.GetString(0));
            }
        }
        return (contacts, without);
    }
}
