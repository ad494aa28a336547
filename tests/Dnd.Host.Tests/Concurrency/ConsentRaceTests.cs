using Dnd.Activities.Persistence;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Concurrency;

public sealed class ConsentRaceSqliteTests : ConsentRaceTests
{
    protected override DndApp NewApp() => new();
}

[Collection(PostgresCollection.Name)]
public sealed class ConsentRacePostgresTests(PostgresServer postgres) : ConsentRaceTests
{
    protected override DndApp NewApp() => new(postgres: postgres.NewDatabase());
}

/// <summary>
/// Consent writes racing each other through the real HTTP surface. Every write of an account is serialized by its
/// write lock, so whatever order the races resolve in, no opt-out may be lost, no request may fail, and each
/// contact's ledger must be gap-free and explain its current state. Each scenario runs on SQLite and PostgreSQL.
/// </summary>
public abstract class ConsentRaceTests
{
    protected abstract DndApp NewApp();

    private sealed record Reply(string What, int Status, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public override string ToString() => $"{What} -> {Status}: {Body}";
    }

    [Fact]
    public async Task Stop_user_edits_and_workflow_set_dnd_racing_on_one_contact_lose_nothing()
    {
        await using var app = NewApp();
        var account = await TestAccount.CreateAsync(app);
        var flow = "all-off-" + account.Id;
        await PublishAsync(account, Definition(flow, [Activity("off", "SetDnd", new { channel = "all", enabled = false })], []));
        var replies = new List<Reply>();
        var contacts = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var batch = new List<(string Id, string Phone)>();
            for (var i = 0; i < 5; i++)
            {
                var phone = $"+1555030{round}{i:000}";
                var created = await account.CreateContactAsync(new { phone, email = $"r{round}c{i}@example.com" });
                batch.Add((created.GetProperty("id").GetString()!, phone));
            }
            // All five writers of every contact of the round start together, so they interleave across contacts too.
            replies.AddRange(await RaceAsync(batch.SelectMany(c => new (string, Func<Task<HttpResponseMessage>>)[]
            {
                ($"STOP {c.Id}", () => InboundAsync(app, account, c.Phone, "STOP")),
                ($"hello {c.Id}", () => InboundAsync(app, account, c.Phone, "hello")),
                ($"SMS off {c.Id}", () => account.Client.PutAsJsonAsync($"/contacts/{c.Id}", new { dndSettings = new { SMS = new { status = "inactive" } } })),
                ($"Email on {c.Id}", () => account.Client.PutAsJsonAsync($"/contacts/{c.Id}", new { dndSettings = new { Email = new { status = "active" } } })),
                ($"workflow {c.Id}", () => account.Client.PostAsync($"/contacts/{c.Id}/workflow/{flow}", null)),
            })));
            contacts.AddRange(batch.Select(c => c.Id));
        }

        // The one refusal allowed: a user's SMS lift that came after the STOP, which only proof of consent could make (422,
        // nothing changed); it must say so. Everything else succeeds, none may fail or ask for a retry.
        // (Which lands first is up to the race: on PostgreSQL the lift often comes before every STOP, so none is refused.)
        replies.Where(r => r.Status != 200 && !(r.What.StartsWith("SMS off") && r.Status == 422 && r.Body.Contains("consentProof")))
            .Should().BeEmpty("every other racing write must succeed");
        foreach (var id in contacts)
        {
            var contact = await account.GetContactAsync(id);
            DndOf(contact, "SMS").Should().Be("permanent", $"contact {id}'s STOP must survive the user and the workflow turning SMS off");
            await LedgerExplainsAsync(account, id, contact);
        }
    }

    [Fact]
    public async Task Delete_racing_stop_keeps_the_opt_out_on_the_phone()
    {
        await using var app = NewApp();
        var account = await TestAccount.CreateAsync(app);
        // A STOP that lands after the delete makes its own contact; the re-create below must still be a new contact.
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { allowDuplicateContact = true }), 200);
        var flow = "on-dnd-" + account.Id;
        await PublishAsync(account, Definition(flow,
            [Activity("trigger", "DndChangedTrigger", new { channel = "SMS", state = "on" }), Activity("email-on", "SetDnd", new { channel = "Email", enabled = true })],
            [Connect("trigger", "Done", "email-on")], allowReentry: true));
        for (var round = 0; round < 10; round++)
        {
            var phone = $"+1555040{round:0000}";
            var id = (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;
            // Earlier rounds' triggers are still being dispatched, so the delete also races trigger work.
            // The delete reaches the lock first when both start together; every other round it lags a little so the
            // STOP also wins sometimes (measured: both orders occur on both databases).
            var lag = round % 2 * 5;
            var race = await RaceAsync(("STOP", () => InboundAsync(app, account, phone, "STOP")),
                ("DELETE", async () => { await Task.Delay(lag); return await account.Client.DeleteAsync($"/contacts/{id}"); }));
            race.Should().OnlyContain(r => r.Status == 200, "neither the STOP nor the delete may fail because the other ran");

            var again = await account.CreateContactAsync(new { phone = phone.Replace("+1", "") });
            var againId = again.GetProperty("id").GetString()!;
            DndOf(again, "SMS").Should().Be("permanent", $"round {round}: the opt-out follows the phone even though its contact was deleted");
            var send = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = againId, message = "hi" });
            await Http.ProblemAsync(send, 422);
        }

        await Eventually.MatchAsync(() => PendingTriggersAsync(app, account), n => n == 0, "every DND-changed trigger to be dispatched");
        var stuck = await Eventually.MatchAsync(() => InstancesAsync(app, account), l => l.All(i => i.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled),
            "triggered instances to finish or be cancelled");
        stuck.Should().NotContain(i => i.Status == WorkflowStatus.Faulted);
    }

    [Theory]
    [InlineData("phone", new[] { "+1 555-020-0001", "(555) 020-0001", "5550200001" }, "+15550200001")]
    [InlineData("email", new[] { "Race@Example.com", "  race@example.com ", "RACE@EXAMPLE.COM" }, "race@example.com")]
    public async Task Concurrent_creates_of_one_address_make_one_contact(string field, string[] formats, string stored)
    {
        await using var app = NewApp();
        var account = await TestAccount.CreateAsync(app);

        var replies = await RaceAsync(Enumerable.Range(0, 10).Select(i => ($"create {i}", (Func<Task<HttpResponseMessage>>)(() =>
            account.Client.PostAsJsonAsync("/contacts/", new Dictionary<string, string> { [field] = formats[i % formats.Length], ["firstName"] = $"n{i}" })))));

        var winner = replies.Should().ContainSingle(r => r.Status == 201, "one address makes one contact").Subject;
        var winnerId = winner.Json.GetProperty("contact").GetProperty("id").GetString()!;
        var losers = replies.Where(r => r != winner).ToList();
        losers.Should().OnlyContain(r => r.Status == 400, "the others are HighLevel's duplicate answer");
        foreach (var loser in losers)
        {
            loser.Json.GetProperty("contactId").GetString().Should().Be(winnerId, loser.ToString());
            loser.Json.GetProperty("meta").GetProperty("contactId").GetString().Should().Be(winnerId);
            loser.Json.GetProperty("meta").GetProperty("matchingField").GetString().Should().Be(field);
        }
        var found = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search",
            new { filters = new[] { new { field, @operator = "eq", value = stored } } }));
        found.GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_twilio_message_sid_is_idempotent_per_account_only()
    {
        await using var app = NewApp();
        var (one, two) = (await TestAccount.CreateAsync(app), await TestAccount.CreateAsync(app));
        var a = (await one.CreateContactAsync(new { phone = "+15550500001" })).GetProperty("id").GetString()!;
        var b = (await two.CreateContactAsync(new { phone = "+15550500002" })).GetProperty("id").GetString()!;
        var sid = "SM" + Guid.NewGuid().ToString("N");

        var replies = await RaceAsync(("one", () => InboundAsync(app, one, "+15550500001", "STOP", sid)), ("two", () => InboundAsync(app, two, "+15550500002", "STOP", sid)));

        replies.Should().OnlyContain(r => r.Status == 200);
        (await one.DndStatusAsync(a, "SMS")).Should().Be("permanent");
        (await two.DndStatusAsync(b, "SMS")).Should().Be("permanent", "another account's MessageSid must not mark this delivery as seen");
        // Within one account the id still dedupes: a redelivery adds no ledger line (an unchanged STOP would).
        var lines = (await one.LedgerAsync(a)).GetArrayLength();
        await Http.EnsureAsync(await InboundAsync(app, one, "+15550500001", "STOP", sid), 200);
        (await one.LedgerAsync(a)).GetArrayLength().Should().Be(lines);
    }

    [Fact]
    public async Task A_mailgun_event_id_and_token_are_idempotent_per_account_only()
    {
        await using var app = NewApp();
        var (one, two) = (await TestAccount.CreateAsync(app), await TestAccount.CreateAsync(app));
        var a = (await one.CreateContactAsync(new { email = "mg-one@example.com" })).GetProperty("id").GetString()!;
        var b = (await two.CreateContactAsync(new { email = "mg-two@example.com" })).GetProperty("id").GetString()!;
        var (eventId, token) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

        var replies = await RaceAsync(
            ("one", () => Mailgun.PostAsync(app, one, "mg-one@example.com", "unsubscribed", eventId: eventId, token: token)),
            ("two", () => Mailgun.PostAsync(app, two, "mg-two@example.com", "unsubscribed", eventId: eventId, token: token)));

        replies.Should().OnlyContain(r => r.Status == 200 && !r.Body.Contains("duplicate"));
        (await one.DndStatusAsync(a, "Email")).Should().Be("active");
        (await two.DndStatusAsync(b, "Email")).Should().Be("active", "another account's event id and token must not mark this delivery as seen");
        var again = await Mailgun.PostAsync(app, one, "mg-one@example.com", "unsubscribed", eventId: eventId);
        await Http.EnsureAsync(again, 200);
        (await Http.JsonAsync(again)).GetProperty("duplicate").GetBoolean().Should().BeTrue("within one account the event id still dedupes");
    }

    /// <summary>Starts every call at once (released by one gate) and keeps every answer, so a failure shows its body.</summary>
    private static async Task<Reply[]> RaceAsync(params IEnumerable<(string What, Func<Task<HttpResponseMessage>> Send)> calls)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = calls.Select(c => Task.Run(async () =>
        {
            await gate.Task;
            using var response = await c.Send();
            return new Reply(c.What, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Twilio.InboundAsync asserts 200; here the answer is collected instead so a 5xx is reported with its body.</summary>
    private static Task<HttpResponseMessage> InboundAsync(DndApp app, TestAccount account, string from, string body, string? sid = null) =>
        Twilio.PostAsync(app, account, "sms", new()
        {
            ["MessageSid"] = sid ?? "SM" + Guid.NewGuid().ToString("N"), ["From"] = from, ["To"] = "+15550009999", ["Body"] = body,
        });

    private static string DndOf(JsonElement contact, string channel) =>
        contact.GetProperty("dndSettings").GetProperty(channel).GetProperty("status").GetString()!;

    /// <summary>
    /// The ledger is numbered 1..n with no gap or repeat, and replaying its applied lines from "all inactive" gives
    /// exactly the contact's current status on every channel: nothing changed the contact without a line.
    /// </summary>
    private static async Task LedgerExplainsAsync(TestAccount account, string id, JsonElement contact)
    {
        var entries = (await account.LedgerAsync(id)).EnumerateArray().ToList();
        var sequences = entries.Select(e => e.GetProperty("sequence").GetInt64()).Order().ToList();
        sequences.Should().Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), $"contact {id}'s ledger is numbered without gaps or repeats");
        var current = contact.GetProperty("dndSettings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString()!);
        var replayed = current.Keys.ToDictionary(c => c, _ => "inactive");
        foreach (var e in entries.OrderBy(e => e.GetProperty("sequence").GetInt64()))
        {
            if (e.GetProperty("verdict").GetString() == "Applied" && e.GetProperty("channel").GetString() is { } channel)
            {
                replayed[channel] = e.GetProperty("after").GetString()!.ToLowerInvariant();
            }
        }
        replayed.Should().Equal(current, $"contact {id}'s ledger must explain its state; ledger: {string.Join(" | ", entries.Select(e => e.GetProperty("explanation").GetString()))}");
    }

    private static async Task<int> PendingTriggersAsync(DndApp app, TestAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().PendingTriggers.CountAsync(t => t.AccountId == account.Id);
    }

    private static async Task<List<WorkflowInstanceRecord>> InstancesAsync(DndApp app, TestAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().WorkflowInstances.AsNoTracking().Where(i => i.AccountId == account.Id).ToListAsync();
    }
}
