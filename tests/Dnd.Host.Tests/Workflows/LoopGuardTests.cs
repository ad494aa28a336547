using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Workflows.Model;
using Dnd.Workflows.Runtime;
using static Dnd.Host.Tests.Infrastructure.Flow;
using Dnd.Activities;

namespace Dnd.Host.Tests.Workflows;

/// <summary>A definition with a loop a contact could go round without waiting is refused at publish.</summary>
public class LoopGuardTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Refused = "cycle without a wait of at least 00:01:00: ";

    private readonly DndApp _app = shared.App;

    private static object Sms(string id) => Activity(id, "Send", new { channel = "SMS", body = "Hi" });

    /// <summary>start → send → pause → send: the loop goes through one wait-ish activity.</summary>
    private static object LoopThrough(string id, object pause, params string[] outcomes) => Definition(id,
        [Sms("start"), Sms("send"), pause],
        [Connect("start", "Done", "send"), Connect("send", "Done", "pause"), .. outcomes.Select(o => Connect("pause", o, "send"))]);

    private static async Task<List<string>> RefusedAsync(TestAccount account, object definition)
    {
        var id = JsonSerializer.SerializeToElement(definition).GetProperty("id").GetString();
        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync($"/workflows/{id}", definition), 422);
        await Http.ProblemAsync(await account.Client.GetAsync($"/workflows/{id}"), 404);
        return problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public async Task A_send_to_send_loop_is_refused_naming_both()
    {
        var account = await TestAccount.CreateAsync(_app);

        var errors = await RefusedAsync(account, Definition("spin-" + account.Id,
            [Sms("start"), Sms("send1"), Sms("send2")],
            [Connect("start", "Done", "send1"), Connect("send1", "Done", "send2"), Connect("send2", "Done", "send1")]));

        errors.Should().Equal(Refused + "send1 → send2 → send1");
    }

    [Fact]
    public async Task A_send_connected_to_itself_is_refused()
    {
        var account = await TestAccount.CreateAsync(_app);

        var errors = await RefusedAsync(account, Definition("self-" + account.Id,
            [Sms("start"), Sms("retry")],
            [Connect("start", "Done", "retry"), Connect("retry", "Blocked", "retry")]));

        errors.Should().Equal(Refused + "retry → retry");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("30")]
    [InlineData("00:00:59")]
    public async Task A_loop_through_a_delay_shorter_than_the_minimum_is_refused(string duration)
    {
        var account = await TestAccount.CreateAsync(_app);

        var errors = await RefusedAsync(account, LoopThrough("short-" + account.Id, Activity("pause", "Delay", new { duration }), "Done"));

        errors.Should().Equal(Refused + "send → pause → send");
    }

    [Fact]
    public async Task A_loop_through_a_delay_of_the_minimum_publishes()
    {
        var account = await TestAccount.CreateAsync(_app);

        await PublishAsync(account, LoopThrough("minute-" + account.Id, Activity("pause", "Delay", new { duration = "00:01:00" }), "Done"));
    }

    [Fact]
    public async Task A_loop_through_a_wait_for_reply_with_no_timeout_publishes()
    {
        var account = await TestAccount.CreateAsync(_app);

        await PublishAsync(account, LoopThrough("chat-" + account.Id, Activity("pause", "WaitForReply"), "Replied", "TimedOut"));
    }

    [Fact]
    public async Task A_loop_through_a_wait_for_reply_that_times_out_at_once_is_refused()
    {
        var account = await TestAccount.CreateAsync(_app);

        var errors = await RefusedAsync(account, LoopThrough("impatient-" + account.Id, Activity("pause", "WaitForReply", new { timeout = "0" }), "TimedOut"));

        errors.Should().Equal(Refused + "send → pause → send");
    }

    [Fact]
    public async Task Every_loop_is_reported_not_only_the_first()
    {
        var account = await TestAccount.CreateAsync(_app);

        var errors = await RefusedAsync(account, Definition("two-loops-" + account.Id,
            [Sms("start"), Sms("a1"), Sms("a2"), Sms("b1"), Activity("b2", "Delay", new { duration = "5" })],
            [
                Connect("start", "Blocked", "b1"), Connect("b1", "Done", "b2"), Connect("b2", "Done", "b1"),
                Connect("start", "Done", "a1"), Connect("a1", "Done", "a2"), Connect("a2", "Blocked", "a1"),
            ]));

        errors.Should().Equal(Refused + "a1 → a2 → a1", Refused + "b1 → b2 → b1");
    }

    [Fact]
    public async Task A_diamond_that_joins_again_without_looping_publishes()
    {
        var account = await TestAccount.CreateAsync(_app);

        await PublishAsync(account, Definition("diamond-" + account.Id,
            [Sms("start"), Sms("left"), Sms("right"), Sms("join")],
            [Connect("start", "Done", "left"), Connect("start", "Blocked", "right"), Connect("left", "Done", "join"), Connect("right", "Done", "join")]));
    }

    [Fact]
    public async Task The_minimum_is_configurable()
    {
        await using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:Workflows:MinimumLoopWait"] = "00:00:10" });
        var account = await TestAccount.CreateAsync(app);

        await PublishAsync(account, LoopThrough("half-minute-" + account.Id, Activity("pause", "Delay", new { duration = "30" }), "Done"));
        var errors = await RefusedAsync(account, LoopThrough("five-seconds-" + account.Id, Activity("pause", "Delay", new { duration = "5" }), "Done"));

        errors.Should().Equal("cycle without a wait of at least 00:00:10: send → pause → send");
    }

    [Fact]
    public void A_graph_without_cycles_has_none()
    {
        LoopGuard.Cycles(["a", "b", "c", "d"], [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]).Should().BeEmpty();
        LoopGuard.Cycles([], []).Should().BeEmpty();
    }

    [Fact]
    public void Each_component_is_one_closed_walk_in_node_order_whatever_the_edge_order()
    {
        var cycles = LoopGuard.Cycles(["a", "b", "c", "d", "e", "x"],
            [("e", "d"), ("d", "e"), ("c", "d"), ("c", "a"), ("b", "c"), ("a", "b"), ("x", "x"), ("x", "ghost")]);

        cycles.Should().BeEquivalentTo(new[] { new[] { "a", "b", "c", "a" }, ["d", "e", "d"], ["x", "x"] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_walk_shows_every_activity_of_a_tangled_loop()
    {
        var cycles = LoopGuard.Cycles(["hub", "left", "right"], [("hub", "left"), ("left", "hub"), ("hub", "right"), ("right", "hub")]);

        cycles.Should().ContainSingle().Which.Should().Equal("hub", "left", "hub", "right", "hub");
    }

    [Fact]
    public void A_long_ring_is_found_without_running_out_of_stack()
    {
        var nodes = Enumerable.Range(0, 100_000).Select(i => $"n{i}").ToList();

        var cycles = LoopGuard.Cycles(nodes, nodes.Select((n, i) => (n, nodes[(i + 1) % nodes.Count])));

        cycles.Should().ContainSingle().Which.Should().Equal([.. nodes, "n0"]);
    }

    [Theory]
    [InlineData("Delay", "duration", "00:01:00", true)]
    [InlineData("Delay", "duration", "60", true)]
    [InlineData("Delay", "duration", "59.9", false)]
    [InlineData("Delay", "duration", null, true)] // the declared default, five minutes, as the step reads it
    [InlineData("WaitForReply", "timeout", null, true)]
    [InlineData("WaitForReply", "timeout", "0", false)]
    [InlineData("WaitForReply", "timeout", "1.00:00:00", true)]
    [InlineData("Send", "body", "Hi", false)]
    public void Only_a_long_enough_delay_or_a_wait_for_reply_waits(string type, string property, string? value, bool waits)
    {
        var node = new ActivityNode
        {
            Id = "n",
            Type = type,
            Properties = value is null ? [] : new() { [property] = JsonSerializer.SerializeToElement(value) },
        };

        LoopGuard.Waits(node, TimeSpan.FromMinutes(1), DndActivities.Registry).Should().Be(waits);
    }
}
