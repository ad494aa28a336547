using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Postgres;

/// <summary>The same product on PostgreSQL, including two server processes sharing one database.</summary>
[Collection(PostgresCollection.Name)]
public class PostgresScaleOutTests(PostgresServer postgres)
{
    [Fact]
    public async Task Contacts_webhooks_and_dnd_search_work_on_postgres()
    {
        await using var app = new DndApp(postgres: postgres.NewDatabase());
        var account = await TestAccount.CreateAsync(app);
        var id = (await account.CreateContactAsync(new { phone = "+15551000001", email = "pg@example.com", tags = new[] { "pg" } })).GetProperty("id").GetString()!;

        await Twilio.InboundAsync(app, account, "+15551000001", "STOP");
        await Mailgun.PostAsync(app, account, "pg@example.com", "complained");
        await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = false });

        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent");
        var found = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search",
            new { filters = new object[] { new { field = "dndSettings.SMS.status", @operator = "eq", value = "permanent" }, new { field = "tags", @operator = "contains", value = "PG" } } }));
        found.GetProperty("total").GetInt32().Should().Be(1);
        (await account.LedgerAsync(id)).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Two_servers_on_one_database_share_work_without_double_runs()
    {
        var database = postgres.NewDatabase();
        await using var one = new DndApp(postgres: database);
        await using var two = new DndApp(postgres: database);
        var account = await TestAccount.CreateAsync(one);
        await PublishAsync(account, Definition("ask", [Activity("wait", "WaitForReply"), Activity("sms", "Send", new { channel = "SMS", body = "Got it" })],
            [Connect("wait", "Replied", "sms")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15551000002" })).GetProperty("id").GetString()!;
        var instance = await StartAsync(account, contact, "ask");
        var bookmark = (await InstanceAsync(account, instance)).GetProperty("bookmarks")[0].GetProperty("id").GetString()!;
        var runtimes = new[] { one, two }.Select(a => a.Services.GetRequiredService<WorkflowRuntime>()).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => runtimes[i % 2].ResumeAsync(account.Id, bookmark, new ResumeInput(BookmarkRequest.Reply, TimedOut: false, "hi")))));

        results.Count(r => r).Should().Be(1);
        var onTwo = account.On(two);
        var finished = await UntilStatusAsync(onTwo, instance, "Finished");
        Log(finished).Select(l => (l.Activity, l.Outcome)).Should().Equal(("wait", "Suspended"), ("wait", "Replied"), ("sms", "Done"));
        (await MessagesAsync(onTwo, contact)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_timer_survives_a_restart_on_postgres()
    {
        var database = postgres.NewDatabase();
        TestAccount account;
        string contact, instance;
        await using (var first = new DndApp(postgres: database))
        {
            account = await TestAccount.CreateAsync(first);
            await PublishAsync(account, Definition("remind", [Activity("wait", "Delay", new { duration = "1" }), Activity("sms", "Send", new { channel = "SMS", body = "Later" })],
                [Connect("wait", "Done", "sms")]));
            contact = (await account.CreateContactAsync(new { phone = "+15551000003" })).GetProperty("id").GetString()!;
            instance = await StartAsync(account, contact, "remind");
        }

        await Task.Delay(1500);
        await using var second = new DndApp(postgres: database);

        await UntilStatusAsync(account.On(second), instance, "Finished");
        (await MessagesAsync(account.On(second), contact)).Should().ContainSingle();
    }
}
