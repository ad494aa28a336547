using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Sdk;

/// <summary>HighLevel's official JavaScript SDK (npm @gohighlevel/api-client), pointed at this server, reads and changes DND.</summary>
public class HighLevelSdkTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "sdk-e2e");

    [Fact]
    public async Task The_official_sdk_reads_and_updates_dnd()
    {
        await EnsureInstalledAsync();
        await using var app = new DndApp(kestrel: true);
        var baseUrl = app.RealAddress.ToString().TrimEnd('/');
        var account = await TestAccount.CreateAsync(app, new HttpClient { BaseAddress = app.RealAddress });
        await PublishAsync(account, Definition("sdk-wait", [Activity("wait", "Delay", new { duration = "01:00:00" })], []));

        var run = await ProcessRunner.RunAsync("node", "dnd-sdk.e2e.mjs", Folder, new Dictionary<string, string>
        {
            ["BASE_URL"] = baseUrl, ["API_KEY"] = account.ApiKey, ["LOCATION_ID"] = account.Id, ["WORKFLOW_ID"] = "sdk-wait",
        });

        run.ExitCode.Should().Be(0, $"the SDK script failed:\n{run.Output}\n{run.Error}");
        var contactId = JsonDocument.Parse(run.Output.Trim().Split('\n').Last()).RootElement.GetProperty("contactId").GetString()!;
        var contact = await account.GetContactAsync(contactId);
        contact.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("active", "the SDK's upsert turned every channel on");
        contact.GetProperty("dndSettings").GetProperty("WhatsApp").GetProperty("status").GetString().Should().Be("inactive", "lifted on proof of consent");
        var events = (await account.LedgerAsync(contactId)).EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        var by = TestAccount.KeyName;
        events.Should().Contain(e => e!.StartsWith($"user.dnd enable SMS by {by}")).And.Contain(e => e!.StartsWith($"user.dnd disable all channels by {by}"))
            .And.Contain(e => e!.StartsWith($"user.dnd disable WhatsApp by {by} with proof of consent (Written"));
        // Over a real socket the ledger names the caller's address and the key that acted.
        var proofLine = (await account.LedgerAsync(contactId)).EnumerateArray().Last(e => e.GetProperty("event").GetString()!.Contains("with proof"));
        proofLine.GetProperty("clientIp").GetString().Should().BeOneOf("127.0.0.1", "::1", "::ffff:127.0.0.1");
        proofLine.GetProperty("actedBy").GetString().Should().StartWith($"api key '{by}' (key_");
        proofLine.GetProperty("proof").GetProperty("evidence").GetString().Should().Be("signed letter #7");
        (await InstancesAsync(account, contactId)).GetArrayLength().Should().Be(1, "the SDK added the contact to a workflow");
    }

    private static async Task EnsureInstalledAsync()
    {
        if (Directory.Exists(Path.Combine(Folder, "node_modules", "@gohighlevel", "api-client")))
        {
            return;
        }
        var install = await ProcessRunner.RunAsync("npm", "ci --no-audit --no-fund", Folder);
        install.ExitCode.Should().Be(0, $"npm ci failed:\n{install.Output}\n{install.Error}");
    }
}
