using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

/// <summary>
/// The worker sleeps until a write commits new work: a STOP that changes DND wakes it at once, with no poll to wait
/// for (the poll here is an hour, so only the wake-up can start the workflow in time).
/// </summary>
public class WorkerWakeTests
{
    [Fact]
    public async Task A_committed_trigger_wakes_the_worker_without_waiting_for_its_poll()
    {
        await using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:Workflows:PollInterval"] = "01:00:00" });
        var account = await TestAccount.CreateAsync(app);
        var id = "wake-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("trigger", "DndChangedTrigger", new { channel = "SMS", state = "on" }), Activity("email", "Send", new { channel = "Email", body = "Noted." })],
            [Connect("trigger", "Done", "email")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550810001", email = "wake@example.com" })).GetProperty("id").GetString()!;
        // Past the worker's first pass at start-up: from here on only a wake-up runs it.
        await Task.Delay(300);

        await Twilio.InboundAsync(app, account, "+15550810001", "STOP");

        await Eventually.MatchAsync(() => InstancesAsync(account, contact), i => i.GetArrayLength() == 1, "the STOP's trigger to start the workflow", timeoutMs: 5_000);
    }
}
