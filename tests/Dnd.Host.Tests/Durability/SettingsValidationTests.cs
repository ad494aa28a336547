using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Durability;

/// <summary>
/// The built server started with bad settings refuses to start: exit code 1 and one line per bad setting naming its
/// configuration key and the value found, no stack trace.
/// </summary>
public sealed class SettingsValidationTests
{
    private const string StackFrame = @"(?m)^\s*at \S+\(";

    private static Dictionary<string, string> Sqlite() => ServerDatabase.Sqlite(TempFiles.NewDatabase());

    [Fact]
    public async Task Every_bad_setting_is_one_line_naming_its_key_and_the_server_exits_1()
    {
        var settings = Sqlite();
        settings["Dnd__Database__Provider"] = "mysql";
        settings["Dnd__Jobs__BatchSize"] = "0";
        settings["Dnd__Messaging__PublicBaseUrl"] = "crm.example.com";
        settings["Dnd__Messaging__DefaultSendingWindow"] = "noon";
        settings["Dnd__OutboundWebhooks__Concurrency"] = "-3";
        settings["Dnd__Health__MaxOutboxLag"] = "-00:01:00";
        settings["Dnd__Imports__Retention"] = "-1.00:00:00";
        settings["Dnd__Health__MaxSuppressionRemovalLag"] = "00:00:00";
        settings["Dnd__OutboundWebhooks__SubscriptionConcurrency"] = "0";
        settings["Dnd__Telemetry__OtlpProtocol"] = "http/json";

        var (exitCode, errors) = await HostProcess.RunUntilExitAsync(settings, TimeSpan.FromSeconds(60));

        exitCode.Should().Be(1, errors);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain([
            "Dnd:Database:Provider must be 'sqlite' or 'postgres' (was 'mysql')",
            "Dnd:Jobs:BatchSize must be at least 1 (was 0)",
            "Dnd:Messaging:PublicBaseUrl must be an absolute http(s) URL (was 'crm.example.com')",
            "Dnd:Messaging:DefaultSendingWindow must be HH:mm-HH:mm or 'always' (was 'noon')",
            "Dnd:OutboundWebhooks:Concurrency must be at least 1 (was -3)",
            "Dnd:Health:MaxOutboxLag must be a positive time span such as 00:00:30 (was -00:01:00)",
            "Dnd:Imports:Retention must be a positive time span such as 00:00:30 (was -1.00:00:00)",
            "Dnd:Health:MaxSuppressionRemovalLag must be a positive time span such as 00:00:30 (was 00:00:00)",
            "Dnd:OutboundWebhooks:SubscriptionConcurrency must be at least 1 (was 0)",
            "Dnd:Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf' (was 'http/json')",
        ]);
        lines.Should().HaveCount(11, "one line per bad setting and one saying the server did not start:\n" + errors);
        errors.Should().NotMatchRegex(StackFrame).And.NotContain("Exception");
    }

    [Fact]
    public async Task A_value_that_does_not_convert_is_named_by_its_key()
    {
        var settings = Sqlite();
        settings["Dnd__Jobs__PollInterval"] = "soon";

        var (exitCode, errors) = await HostProcess.RunUntilExitAsync(settings, TimeSpan.FromSeconds(60));

        exitCode.Should().Be(1, errors);
        errors.Should().Contain("'soon' at 'Dnd:Jobs:PollInterval'").And.NotMatchRegex(StackFrame).And.NotContain("Exception");
    }

    [Fact]
    public async Task Good_settings_pass_the_check_and_the_server_serves()
    {
        await using var server = await HostProcess.StartAsync(Sqlite(), TempFiles.NewFolder());

        using var http = server.Client();
        await Http.EnsureAsync(await http.GetAsync("/health/ready"), 200);
    }
}
