using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

/// <summary>
/// What stops an instance that loops anyway (here a deployment that lowered the publish-time loop minimum to
/// zero): the hourly send cap per contact and channel, then the instance's step budget.
/// </summary>
public sealed class RunawayGuardTests : IAsyncLifetime
{
    private readonly DndApp _app = new(settings: new Dictionary<string, string>
    {
        ["Dnd:Workflows:MinimumLoopWait"] = "00:00:00",
        ["Dnd:Workflows:StepBudget"] = "40",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_send_loop_is_capped_per_hour_and_faulted_when_its_step_budget_is_spent()
    {
        var account = await TestAccount.CreateAsync(_app);
        await PublishAsync(account, Definition("spin",
            [Activity("begin", "Delay", new { duration = "0" }), Activity("sms", "Send", new { channel = "SMS", body = "Again" }), Activity("pause", "Delay", new { duration = "0" })],
            [Connect("begin", "Done", "sms"), Connect("sms", "Done", "pause"), Connect("pause", "Done", "sms")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550700006" })).GetProperty("id").GetString()!;

        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, "spin"), "Faulted", timeoutMs: 60_000);

        instance.GetProperty("instance").GetProperty("fault").GetString().Should().Contain("step budget exhausted").And.Contain("40");
        instance.GetProperty("instance").GetProperty("stepCount").GetInt32().Should().Be(41, "40 steps ran, then the fault was recorded");
        Log(instance).Count(l => l.Activity == "sms").Should().BeGreaterThan(10, "the loop went past the cap before the budget stopped it");
        var messages = await MessagesAsync(account, contact);
        messages.Count(m => m.GetProperty("status").GetString() == "queued").Should().Be(10, "the account's default cap is 10 an hour");
        messages.Where(m => m.GetProperty("status").GetString() == "skipped")
            .Should().NotBeEmpty().And.OnlyContain(m => m.GetProperty("statusReason").GetString()!.StartsWith("send cap reached"));
        Log(instance).Where(l => l.Activity == "sms").Skip(10).Should().OnlyContain(l => l.Note!.StartsWith("skipped: send cap reached"));
    }
}
