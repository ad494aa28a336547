using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

/// <summary>Restarts and races: state lives in the database, and every step runs exactly once.</summary>
public class DurabilityTests
{
    [Fact]
    public async Task A_timer_that_falls_due_while_the_server_is_down_fires_after_restart()
    {
        var database = TempFiles.NewDatabase();
        TestAccount account;
        string contact, instance;
        await using (var first = new DndApp(database))
        {
            account = await TestAccount.CreateAsync(first);
            await PublishAsync(account, Definition("remind", [Activity("wait", "Delay", new { duration = "2" }), Activity("sms", "Send", new { channel = "SMS", body = "Reminder" })],
                [Connect("wait", "Done", "sms")]));
            contact = (await account.CreateContactAsync(new { phone = "+15550900001" })).GetProperty("id").GetString()!;
            instance = await StartAsync(account, contact, "remind");
            Status(await InstanceAsync(account, instance)).Should().Be("Suspended");
        }

        await Task.Delay(2500);
        await using var second = new DndApp(database);
        var again = account.On(second);

        var finished = await UntilStatusAsync(again, instance, "Finished");
        Log(finished).Select(l => (l.Activity, l.Outcome)).Should().Equal(("wait", "Suspended"), ("wait", "Done"), ("sms", "Done"));
        (await MessagesAsync(again, contact)).Should().ContainSingle();
    }

    [Fact]
    public async Task An_instance_a_crashed_process_left_running_is_resumed_at_start()
    {
        var database = TempFiles.NewDatabase();
        TestAccount account;
        string contact;
        const string instanceId = "orphan-instance";
        await using (var first = new DndApp(database))
        {
            account = await TestAccount.CreateAsync(first);
            await PublishAsync(account, Definition("orphaned", [Activity("sms", "Send", new { channel = "SMS", body = "Hello" })], []));
            contact = (await account.CreateContactAsync(new { phone = "+15550900002" })).GetProperty("id").GetString()!;
            // What a process that died between creating an instance and running its first step leaves behind;
            // this server's worker is stopped first so only the restarted one can pick it up.
            await first.Services.GetRequiredService<WorkflowWorker>().StopAsync(CancellationToken.None);
            // Stopped mid-pass, the worker must end cleanly: a fault would make the host stop the whole application.
            first.Errors.Snapshot().Should().BeEmpty();
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var past = DateTimeOffset.UtcNow.AddMinutes(-5);
            db.WorkflowInstances.Add(new WorkflowInstanceRecord
            {
                Id = instanceId, AccountId = account.Id, ContactId = contact, DefinitionId = "orphaned", DefinitionVersion = 1,
                Status = WorkflowStatus.Running, CurrentActivityId = "sms", CreatedAt = past, UpdatedAt = past,
            });
            await db.SaveChangesAsync();
        }

        await using var second = new DndApp(database);
        var again = account.On(second);

        await UntilStatusAsync(again, instanceId, "Finished");
        (await MessagesAsync(again, contact)).Should().ContainSingle();
    }

    [Fact]
    public async Task Concurrent_resumes_of_one_bookmark_run_the_step_once()
    {
        await using var app = new DndApp();
        var account = await TestAccount.CreateAsync(app);
        await PublishAsync(account, Definition("ask", [Activity("wait", "WaitForReply"), Activity("sms", "Send", new { channel = "SMS", body = "Got it" })],
            [Connect("wait", "Replied", "sms")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550900003" })).GetProperty("id").GetString()!;
        var instance = await StartAsync(account, contact, "ask");
        var bookmark = (await InstanceAsync(account, instance)).GetProperty("bookmarks")[0].GetProperty("id").GetString()!;
        var runtime = app.Services.GetRequiredService<WorkflowRuntime>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => runtime.ResumeAsync(account.Id, bookmark, new ResumeInput(BookmarkRequest.Reply, TimedOut: false, "hi")))));

        results.Count(r => r).Should().Be(1);
        var finished = await UntilStatusAsync(account, instance, "Finished");
        Log(finished).Select(l => (l.Activity, l.Outcome)).Should().Equal(("wait", "Suspended"), ("wait", "Replied"), ("sms", "Done"));
        (await MessagesAsync(account, contact)).Should().ContainSingle();
    }

    [Fact]
    public async Task Concurrent_runners_of_one_instance_never_double_run_a_step()
    {
        await using var app = new DndApp();
        var account = await TestAccount.CreateAsync(app);
        await PublishAsync(account, Definition("three", [
                Activity("one", "Send", new { channel = "SMS", body = "1" }),
                Activity("two", "Send", new { channel = "SMS", body = "2" }),
                Activity("three", "Send", new { channel = "SMS", body = "3" }),
            ], [Connect("one", "Done", "two"), Connect("two", "Done", "three")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550900004" })).GetProperty("id").GetString()!;
        const string instanceId = "raced-instance";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.WorkflowInstances.Add(new WorkflowInstanceRecord
            {
                Id = instanceId, AccountId = account.Id, ContactId = contact, DefinitionId = "three", DefinitionVersion = 1,
                Status = WorkflowStatus.Running, CurrentActivityId = "one", CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }
        var runtime = app.Services.GetRequiredService<WorkflowRuntime>();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => runtime.RunAsync(account.Id, instanceId))));

        var finished = await UntilStatusAsync(account, instanceId, "Finished");
        Log(finished).Select(l => l.Activity).Should().Equal("one", "two", "three");
        // Each send once; their order is the log's (the three run in one write, usually within the 100 microseconds
        // CreatedAt is stored to, so the message list's order between them is not defined).
        (await MessagesAsync(account, contact)).Select(m => m.GetProperty("body").GetString()![..1]).Should().BeEquivalentTo(["1", "2", "3"]);
    }

    [Fact]
    public async Task A_due_bookmark_whose_instance_already_ended_is_cleared_not_claimed_forever()
    {
        await using var app = new DndApp();
        var account = await TestAccount.CreateAsync(app);
        await PublishAsync(account, Definition("short", [Activity("sms", "Send", new { channel = "SMS", body = "Hi" })], []));
        var contact = (await account.CreateContactAsync(new { phone = "+15550900005" })).GetProperty("id").GetString()!;
        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, "short"), "Finished");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            db.Bookmarks.Add(new BookmarkRecord
            {
                Id = "stale", InstanceId = instance.GetProperty("instance").GetProperty("id").GetString()!, AccountId = account.Id, ContactId = contact,
                ActivityId = "sms", Kind = BookmarkRequest.Timer, DueAt = DateTimeOffset.UtcNow.AddSeconds(-1), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await Eventually.MatchAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return scope.ServiceProvider.GetRequiredService<DndDbContext>().Bookmarks.Any(b => b.Id == "stale");
        }, exists => !exists, "the stale bookmark to be removed");
        Log(await InstanceAsync(account, instance.GetProperty("instance").GetProperty("id").GetString()!)).Should().HaveCount(1, "nothing ran again");
    }
}
