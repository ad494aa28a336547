using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Workflows;
using static Dnd.Host.Tests.Infrastructure.Flow;
using static Dnd.Host.Tests.Workflows.IncidentFlow;

namespace Dnd.Host.Tests.Postgres;

/// <summary>Retries and incidents on PostgreSQL: the EF path of a step's write, and two servers claiming one retry.</summary>
[Collection(PostgresCollection.Name)]
public class PostgresIncidentTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_failing_step_is_retried_then_an_incident_and_a_resume_finishes_it()
    {
        var clock = new TestClock();
        await using var app = App(clock, postgres: postgres.NewDatabase());
        var (account, contact) = await FlowAsync(app, nameof(FlakyActivity), failures: int.MaxValue);
        var instance = await StartAsync(account, contact, "flow");
        await UntilAttemptsAsync(account, instance, 1);
        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        await UntilAttemptsAsync(account, instance, 2);
        clock.Advance(FirstBackoff * 2 + TimeSpan.FromSeconds(1));
        var incident = await UntilStatusAsync(account, instance, "Faulted");
        incident.GetProperty("instance").GetProperty("attempts").GetInt32().Should().Be(3);
        incident.GetProperty("instance").GetProperty("faultActivityId").GetString().Should().Be("flaky");
        FailingActivity.Failures[contact] = 0;

        var response = await account.Client.PostAsync($"/workflows/instances/{instance}/resume", null);

        await Http.EnsureAsync(response, 200);
        var finished = await Http.JsonAsync(response);
        Status(finished).Should().Be("Finished");
        Attempts(finished).Should().Equal(("flaky", "Retrying", 1), ("flaky", "Retrying", 2), ("flaky", "Faulted", 3), ("flaky", "Resumed", 0),
            ("flaky", "Done", 1));
        (await MessagesAsync(account, contact)).Should().ContainSingle();
    }

    [Fact]
    public async Task Two_servers_on_one_database_run_a_due_retry_once()
    {
        var clock = new TestClock();
        var database = postgres.NewDatabase();
        await using var one = App(clock, postgres: database);
        await using var two = App(clock, postgres: database);
        two.CreateClient().Dispose(); // both workers running
        var (account, contact) = await FlowAsync(one, nameof(FlakyActivity), failures: 1);
        var instance = await StartAsync(account, contact, "flow");
        await UntilAttemptsAsync(account, instance, 1);
        var runsBefore = FailingActivity.Runs[contact];

        clock.Advance(FirstBackoff + TimeSpan.FromSeconds(1));
        var finished = await UntilStatusAsync(account, instance, "Finished");

        Attempts(finished).Should().Equal(("flaky", "Retrying", 1), ("flaky", "Done", 2));
        FailingActivity.Runs[contact].Should().Be(runsBefore + 1, "one server claimed the retry; the other found it gone");
        (await MessagesAsync(account, contact)).Should().ContainSingle();
    }
}
