using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Workflows.Activities;
using static Dnd.Host.Tests.Infrastructure.Flow;
using static Dnd.Host.Tests.Workflows.IncidentFlow;

namespace Dnd.Host.Tests.Workflows;

/// <summary>A step that throws: retried with backoff on a durable timer, then an incident that the API shows and resumes.</summary>
public class IncidentTests
{
    [Fact]
    public async Task A_step_that_fails_twice_is_retried_with_backoff_and_finishes_on_the_third_attempt()
    {
        var clock = new TestClock();
        await using var app = App(clock);
        var (account, contact) = await FlowAsync(app, nameof(FlakyActivity), failures: 2);

        var instance = await StartAsync(account, contact, "flow");
        var first = await UntilAttemptsAsync(account, instance, 1);
        Status(first).Should().Be("Suspended");
        var retry = first.GetProperty("bookmarks").EnumerateArray().Should().ContainSingle().Subject;
        retry.GetProperty("kind").GetString().Should().Be(BookmarkRequest.Retry);
        DueAfterFailure(first).Should().Be(FirstBackoff);

        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        var second = await UntilAttemptsAsync(account, instance, 2);
        DueAfterFailure(second).Should().Be(FirstBackoff * 2, "the backoff doubles");

        clock.Advance(FirstBackoff * 2 + TimeSpan.FromSeconds(1));
        var finished = await UntilStatusAsync(account, instance, "Finished");

        Attempts(finished).Should().Equal(("flaky", "Retrying", 1), ("flaky", "Retrying", 2), ("flaky", "Done", 3));
        Log(finished).First().Note.Should().Contain("attempt 1 of 3 failed: InvalidOperationException: flaky failure 1");
        var view = finished.GetProperty("instance");
        view.GetProperty("attempts").GetInt32().Should().Be(0, "the step succeeded");
        view.GetProperty("fault").ValueKind.Should().Be(JsonValueKind.Null);
        (await MessagesAsync(account, contact)).Should().ContainSingle("the failed tries' messages were undone with them");
    }

    [Fact]
    public async Task A_step_that_always_fails_becomes_an_incident_with_its_activity_error_attempts_and_time()
    {
        var clock = new TestClock();
        await using var app = App(clock);
        var (account, contact) = await FlowAsync(app, nameof(FlakyActivity), failures: int.MaxValue);

        var instance = await StartAsync(account, contact, "flow");
        await UntilAttemptsAsync(account, instance, 1);
        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        await UntilAttemptsAsync(account, instance, 2);
        clock.Advance(FirstBackoff * 2 + TimeSpan.FromSeconds(1));
        var incident = await UntilStatusAsync(account, instance, "Faulted");

        var view = incident.GetProperty("instance");
        view.GetProperty("faultActivityId").GetString().Should().Be("flaky");
        view.GetProperty("fault").GetString().Should().Be("InvalidOperationException: flaky failure 3");
        view.GetProperty("attempts").GetInt32().Should().Be(3);
        view.GetProperty("faultedAt").GetDateTimeOffset().Should().Be(incident.GetProperty("log")[2].GetProperty("at").GetDateTimeOffset());
        Attempts(incident).Should().Equal(("flaky", "Retrying", 1), ("flaky", "Retrying", 2), ("flaky", "Faulted", 3));
        incident.GetProperty("bookmarks").GetArrayLength().Should().Be(0, "an incident waits for nobody but a person");
        (await MessagesAsync(account, contact)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_activity_without_a_retry_policy_is_an_incident_at_its_first_failure()
    {
        await using var app = App(new TestClock());
        var (account, contact) = await FlowAsync(app, nameof(BrittleActivity), failures: 1);

        var incident = await UntilStatusAsync(account, await StartAsync(account, contact, "flow"), "Faulted");

        Attempts(incident).Should().Equal(("flaky", "Faulted", 1));
        incident.GetProperty("instance").GetProperty("attempts").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Resuming_an_incident_runs_the_failed_step_again_and_the_instance_finishes()
    {
        await using var app = App(new TestClock());
        var (account, contact) = await FlowAsync(app, nameof(BrittleActivity), failures: 1);
        var instance = await StartAsync(account, contact, "flow");
        await UntilStatusAsync(account, instance, "Faulted");
        FailingActivity.Failures[contact] = 0; // what was wrong is fixed

        var response = await account.Client.PostAsync($"/workflows/instances/{instance}/resume", null);

        await Http.EnsureAsync(response, 200);
        var resumed = await Http.JsonAsync(response);
        Status(resumed).Should().Be("Finished");
        Attempts(resumed).Should().Equal(("flaky", "Faulted", 1), ("flaky", "Resumed", 0), ("flaky", "Done", 1));
        var view = resumed.GetProperty("instance");
        view.GetProperty("fault").ValueKind.Should().Be(JsonValueKind.Null);
        view.GetProperty("faultActivityId").ValueKind.Should().Be(JsonValueKind.Null);
        view.GetProperty("faultedAt").ValueKind.Should().Be(JsonValueKind.Null);
        (await MessagesAsync(account, contact)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_reply_whose_handling_failed_is_handled_again_by_the_retry_not_waited_for_again()
    {
        var clock = new TestClock();
        await using var app = App(clock);
        var (account, contact) = await FlowAsync(app, nameof(FlakyReplyActivity), failures: 1, phone: "+15550950002");
        var instance = await StartAsync(account, contact, "flow");
        await UntilStatusAsync(account, instance, "Suspended");

        await Twilio.InboundAsync(app, account, "+15550950002", "yes please");
        await UntilAttemptsAsync(account, instance, 1);
        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        var finished = await UntilStatusAsync(account, instance, "Finished");

        // A failed try in a write of several runs once more on its own (undone with that write): tries are counted by the log.
        FlakyReplyActivity.Seen[contact].Should().HaveElementAt(0, "wait").And.HaveCountGreaterThan(2);
        FlakyReplyActivity.Seen[contact].Skip(1).Should().OnlyContain(seen => seen == "yes please", "every try handles the reply; none waits again");
        Attempts(finished).Should().Equal(("flaky", "Suspended", 1), ("flaky", "Retrying", 1), ("flaky", "Done", 2));
        Log(finished).Last().Note.Should().Be("handled: yes please");
    }

    [Fact]
    public async Task Resuming_an_incident_whose_step_was_a_reply_handles_that_reply()
    {
        var clock = new TestClock();
        await using var app = App(clock);
        var (account, contact) = await FlowAsync(app, nameof(FlakyReplyActivity), failures: int.MaxValue, phone: "+15550950003");
        var instance = await StartAsync(account, contact, "flow");
        await UntilStatusAsync(account, instance, "Suspended");
        await Twilio.InboundAsync(app, account, "+15550950003", "call me tomorrow");
        await UntilAttemptsAsync(account, instance, 1);
        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        await UntilAttemptsAsync(account, instance, 2);
        clock.Advance(FirstBackoff * 2 + TimeSpan.FromSeconds(1));
        await UntilStatusAsync(account, instance, "Faulted");
        FailingActivity.Failures[contact] = 0;

        var response = await account.Client.PostAsync($"/workflows/instances/{instance}/resume", null);

        await Http.EnsureAsync(response, 200);
        Status(await Http.JsonAsync(response)).Should().Be("Finished");
        Log(await InstanceAsync(account, instance)).Last().Note.Should().Be("handled: call me tomorrow");
        FlakyReplyActivity.Seen[contact].Skip(1).Should().OnlyContain(seen => seen == "call me tomorrow", "every try handles the reply; none waits again");
    }

    [Fact]
    public async Task A_resume_resets_the_attempts_so_the_retry_policy_applies_again()
    {
        var clock = new TestClock();
        await using var app = App(clock);
        var (account, contact) = await FlowAsync(app, nameof(FlakyActivity), failures: 3);
        var instance = await StartAsync(account, contact, "flow");
        await UntilAttemptsAsync(account, instance, 1);
        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        await UntilAttemptsAsync(account, instance, 2);
        clock.Advance(FirstBackoff * 2 + TimeSpan.FromSeconds(1));
        await UntilStatusAsync(account, instance, "Faulted");
        FailingActivity.Failures[contact] = 1; // the count starts again: fails once more after the resume, then succeeds

        var response = await account.Client.PostAsync($"/workflows/instances/{instance}/resume", null);

        await Http.EnsureAsync(response, 200);
        var resumed = await Http.JsonAsync(response);
        Status(resumed).Should().Be("Suspended");
        resumed.GetProperty("instance").GetProperty("attempts").GetInt32().Should().Be(1, "the resume started the count again");
        DueAfterFailure(resumed).Should().Be(FirstBackoff, "the first backoff again");
        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        var finished = await UntilStatusAsync(account, instance, "Finished");
        Attempts(finished).TakeLast(4).Should().Equal(("flaky", "Faulted", 3), ("flaky", "Resumed", 0), ("flaky", "Retrying", 1), ("flaky", "Done", 2));
    }

    [Fact]
    public async Task Resuming_an_instance_that_is_not_an_incident_is_a_409_problem()
    {
        await using var app = App(new TestClock());
        var (account, contact) = await FlowAsync(app, nameof(BrittleActivity), failures: 0);
        var instance = await StartAsync(account, contact, "flow");
        await UntilStatusAsync(account, instance, "Finished");

        var problem = await Http.ProblemAsync(await account.Client.PostAsync($"/workflows/instances/{instance}/resume", null), 409);

        problem.GetProperty("detail").GetString().Should().Contain("not Faulted");
        Log(await InstanceAsync(account, instance)).Should().HaveCount(1, "nothing ran again");
    }

    [Fact]
    public async Task Another_accounts_incident_and_an_unknown_id_are_404()
    {
        await using var app = App(new TestClock());
        var (account, contact) = await FlowAsync(app, nameof(BrittleActivity), failures: 1);
        var instance = await StartAsync(account, contact, "flow");
        await UntilStatusAsync(account, instance, "Faulted");
        var other = await TestAccount.CreateAsync(app);

        await Http.ProblemAsync(await other.Client.PostAsync($"/workflows/instances/{instance}/resume", null), 404);
        await Http.ProblemAsync(await account.Client.PostAsync("/workflows/instances/no-such-instance/resume", null), 404);

        var still = await InstanceAsync(account, instance);
        Status(still).Should().Be("Faulted");
        Log(still).Should().HaveCount(1, "the other account's resume ran nothing");
    }

    [Fact]
    public async Task A_retry_timer_survives_a_restart_and_runs_the_step_once()
    {
        var database = TempFiles.NewDatabase();
        TestAccount account;
        string contact, instance;
        int runsBefore;
        await using (var first = App(new TestClock(), database))
        {
            (account, contact) = await FlowAsync(first, nameof(FlakyActivity), failures: 1);
            instance = await StartAsync(account, contact, "flow");
            await UntilAttemptsAsync(account, instance, 1);
            runsBefore = FailingActivity.Runs[contact];
        }

        // The server comes back after the backoff has passed.
        await using var second = App(new TestClock(FirstBackoff + TimeSpan.FromSeconds(1)), database);
        var again = account.On(second);

        var finished = await UntilStatusAsync(again, instance, "Finished");
        Attempts(finished).Should().Equal(("flaky", "Retrying", 1), ("flaky", "Done", 2));
        FailingActivity.Runs[contact].Should().Be(runsBefore + 1, "the retry was claimed once");
        (await MessagesAsync(again, contact)).Should().ContainSingle();
    }
}
