using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Imports;

public class ExportTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task The_ledger_exports_for_a_period_with_actor_rule_verdict_and_proof()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550104301", dndSettings = new { Email = new { status = "active" } } })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550104301", "STOP");
        var now = DateTimeOffset.UtcNow;
        string Range(DateTimeOffset from, DateTimeOffset to) => $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var rows = await ImportFiles.ReadCsvAsync(await account.Client.GetAsync($"/locations/ledger/export.csv?{Range(now.AddHours(-1), now.AddHours(1))}"));

        var contactLines = rows.Where(r => r["Contact Id"] == id).ToList();
        contactLines.Should().HaveCount((await account.LedgerAsync(id)).GetArrayLength());
        contactLines.Should().Contain(r => r["Channel"] == "Email" && r["Verdict"] == "Applied" && r["Acted By"].StartsWith("api key"));
        contactLines.Should().Contain(r => r["Channel"] == "SMS" && r["Rule"].Length > 0 && r["After"] == "Permanent");
        rows.Select(r => DateTimeOffset.Parse(r["At"])).Should().BeInAscendingOrder();
        (await ImportFiles.ReadCsvAsync(await account.Client.GetAsync($"/locations/ledger/export.csv?{Range(now.AddHours(1), now.AddHours(2))}")))
            .Should().BeEmpty("no line is in a later period");
        (await ImportFiles.ReadCsvAsync(await account.Client.GetAsync("/locations/ledger/export.csv"))).Should().HaveCount(rows.Count, "the last 30 days by default");
    }

    [Theory]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("from=yesterday", "from")]
    public async Task A_bad_or_too_wide_period_is_a_422_naming_it(string query, string field)
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.GetAsync($"/locations/ledger/export.csv?{query}"), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Contain(field);
    }

    [Fact]
    public async Task The_contact_export_has_highlevels_columns_then_one_per_channel_and_pages_through_every_contact()
    {
        var account = await TestAccount.CreateAsync(_app);
        var csv = "Email,First Name\n" + string.Concat(Enumerable.Range(0, 1203).Select(i => $"p{i}@example.com,P{i}\n"));
        await ImportFiles.ApplyAsync(account, (await ImportFiles.DryRunAsync(account, csv)).GetProperty("id").GetString()!);

        var response = await account.Client.GetAsync("/locations/contacts/export.csv");
        var text = await response.Content.ReadAsStringAsync();
        var rows = await ImportFiles.ReadCsvAsync(response);

        text.Should().StartWith("Contact Id,First Name,Last Name,Phone,Email,Business Name,Source,Timezone,Tags,Created,Last Updated,"
                                + "DND Call,DND Email,DND SMS,DND WhatsApp,DND FB,DND GMB,Inbound DND");
        rows.Select(r => r["Email"]).Should().OnlyHaveUniqueItems().And.HaveCount(1203, "three keyset pages and a part, none repeated");
    }
}
