using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Reports;

/// <summary>GET /reports/opt-outs and /reports/dnd-counts over opt-outs made the ways they happen: webhooks and a user.</summary>
public class OptOutReportApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private DndApp App => shared.App;

    [Fact]
    public async Task Opt_outs_are_counted_by_channel_and_source_and_the_counts_show_who_is_blocked_now()
    {
        var account = await TestAccount.CreateAsync(App);
        await account.CreateContactAsync(new { phone = "+15550201001" });
        await account.CreateContactAsync(new { phone = "+15550201002" });
        await account.CreateContactAsync(new { email = "unsub@example.com" });
        var user = (await account.CreateContactAsync(new { phone = "+15550201004" })).GetProperty("id").GetString()!;
        var all = (await account.CreateContactAsync(new { phone = "+15550201005" })).GetProperty("id").GetString()!;
        await account.CreateContactAsync(new { phone = "+15550201006" });

        await Twilio.InboundAsync(App, account, "+15550201001", "STOP");
        await Twilio.InboundAsync(App, account, "+15550201001", "STOP"); // already blocked: not a second opt-out
        await Twilio.InboundAsync(App, account, "+15550201002", "Stop");
        await Http.EnsureAsync(await Mailgun.PostAsync(App, account, "unsub@example.com", "unsubscribed"), 200);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{user}", new { dndSettings = new { Call = new { status = "active" } } }), 200);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{all}", new { dnd = true }), 200);

        var report = await Http.JsonAsync(await account.Client.GetAsync("/reports/opt-outs"));

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        report.GetProperty("timeZone").GetString().Should().Be("UTC");
        report.GetProperty("period").GetString().Should().Be("day");
        report.GetProperty("to").GetString().Should().Be(today);
        report.GetProperty("total").GetInt32().Should().Be(2 + 1 + 1 + 6);
        var todays = report.GetProperty("byChannel").EnumerateArray().Where(r => r.GetProperty("period").GetString() == today)
            .ToDictionary(r => r.GetProperty("channel").GetString()!, r => r.GetProperty("optOuts").GetInt32());
        todays.Should().Equal(new Dictionary<string, int> { ["Call"] = 2, ["Email"] = 2, ["SMS"] = 3, ["WhatsApp"] = 1, ["FB"] = 1, ["GMB"] = 1 });
        report.GetProperty("byChannel").GetArrayLength().Should().Be(30 * 6, "every day by every channel, zeros included");
        Top(report).Should().Equal(("user", 7), ("keyword", 2), ("mailgun_unsubscribe", 1));

        var counts = await Http.JsonAsync(await account.Client.GetAsync("/reports/dnd-counts"));
        counts.GetProperty("contacts").GetInt32().Should().Be(6);
        counts.GetProperty("channels").EnumerateArray()
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("blocked").GetInt32())
            .Should().Equal(new Dictionary<string, int> { ["Call"] = 2, ["Email"] = 2, ["SMS"] = 3, ["WhatsApp"] = 1, ["FB"] = 1, ["GMB"] = 1 });
        counts.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "SMS")
            .GetProperty("permanent").GetInt32().Should().Be(2, "a STOP is permanent");
        (counts.GetProperty("on").GetInt32(), counts.GetProperty("partial").GetInt32(), counts.GetProperty("off").GetInt32())
            .Should().Be((1, 4, 1));
    }

    [Fact]
    public async Task Each_table_downloads_as_CSV_with_its_columns_and_rows()
    {
        var account = await TestAccount.CreateAsync(App);
        await account.CreateContactAsync(new { phone = "+15550202001" });
        await Twilio.InboundAsync(App, account, "+15550202001", "STOP");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        var byChannel = await account.Client.GetAsync($"/reports/opt-outs?from={today}&to={today}&format=csv");
        var bySource = await account.Client.GetAsync($"/reports/opt-outs?from={today}&to={today}&format=csv&by=source");

        await Http.EnsureAsync(byChannel, 200);
        byChannel.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        byChannel.Content.Headers.ContentDisposition!.FileName.Should().Contain($"opt-outs-by-channel-{today}");
        Lines(await byChannel.Content.ReadAsStringAsync()).Should().Equal(
            "Period,Channel,OptOuts", $"{today},Call,0", $"{today},Email,0", $"{today},SMS,1", $"{today},WhatsApp,0", $"{today},FB,0", $"{today},GMB,0");
        Lines(await bySource.Content.ReadAsStringAsync()).Should().Equal("Period,Source,Label,OptOuts", $"{today},keyword,Keyword (STOP),1");
    }

    [Fact]
    public async Task Days_are_the_account_time_zone_days()
    {
        var account = await TestAccount.CreateAsync(App);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { timeZone = "America/New_York" }), 200);
        // 23:30 on 1 March in New York, 04:30 on 2 March in UTC.
        await AddOptOutLineAsync(account.Id, new DateTimeOffset(2026, 3, 2, 4, 30, 0, TimeSpan.Zero));

        var first = await Http.JsonAsync(await account.Client.GetAsync("/reports/opt-outs?from=2026-03-01&to=2026-03-01"));
        var second = await Http.JsonAsync(await account.Client.GetAsync("/reports/opt-outs?from=2026-03-02&to=2026-03-02"));

        first.GetProperty("timeZone").GetString().Should().Be("America/New_York");
        first.GetProperty("total").GetInt32().Should().Be(1);
        first.GetProperty("byChannel").EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "SMS").GetProperty("optOuts").GetInt32().Should().Be(1);
        second.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("from=2026-03-10&to=2026-03-01", "from")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("format=xml", "format")]
    [InlineData("by=day", "by")]
    public async Task A_bad_query_is_a_422_naming_the_field(string query, string field)
    {
        var account = await TestAccount.CreateAsync(App);

        var problem = await Http.ProblemAsync(await account.Client.GetAsync($"/reports/opt-outs?{query}"), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Contain(field);
    }

    [Fact]
    public async Task Another_account_opt_outs_are_not_counted()
    {
        var mine = await TestAccount.CreateAsync(App);
        var theirs = await TestAccount.CreateAsync(App);
        await theirs.CreateContactAsync(new { phone = "+15550203001" });
        await Twilio.InboundAsync(App, theirs, "+15550203001", "STOP");

        (await Http.JsonAsync(await mine.Client.GetAsync("/reports/opt-outs"))).GetProperty("total").GetInt32().Should().Be(0);
        (await Http.JsonAsync(await mine.Client.GetAsync("/reports/dnd-counts"))).GetProperty("contacts").GetInt32().Should().Be(0);
    }

    private static List<(string, int)> Top(JsonElement report) => report.GetProperty("topSources").EnumerateArray()
        .Select(s => (s.GetProperty("source").GetString()!, s.GetProperty("optOuts").GetInt32())).ToList();

    private static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>A STOP's ledger line at a chosen instant (webhooks write at the server's now).</summary>
    private async Task AddOptOutLineAsync(string accountId, DateTimeOffset at)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        db.Ledger.Add(new LedgerRecord
        {
            AccountId = accountId, Address = "+15550204001", Sequence = 1, At = at, Event = "inbound.message SMS \"STOP\"", Actor = "Contact",
            Channel = "SMS", Verdict = "Applied", Before = "Inactive", After = "Permanent", Rule = "InboundOptOutKeyword", Explanation = "test line",
        });
        await db.SaveChangesAsync();
    }
}
