using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Jobs;

/// <summary>Bulk DND as a background job: the same rules as one user's change, counted, listed, cancellable, resumable, idempotent.</summary>
public class BulkDndJobTests(SteppedJobs jobs) : IClassFixture<SteppedJobs>
{
    private readonly DndApp _app = jobs.App;

    [Fact]
    public async Task A_set_runs_in_steps_to_completion_with_counts_and_one_ledger_line_per_contact_naming_the_job()
    {
        var account = await TestAccount.CreateAsync(_app);
        var ids = await BulkDnd.ContactsAsync(account, 3, "+155516101");

        var jobId = await BulkDnd.EnqueueAsync(account, new { contactIds = ids, channels = new[] { "sms" }, action = "set", message = "spring cleanup" });
        (await BulkDnd.JobAsync(account, jobId)).GetProperty("job").GetProperty("status").GetString().Should().Be("queued");
        // Freezing the selection, then two contacts a step.
        (await SteppedJobs.RunAllAsync(_app)).Should().Be(3);

        var job = (await BulkDnd.JobAsync(account, jobId)).GetProperty("job");
        (job.GetProperty("status").GetString(), job.GetProperty("percentage").GetInt32(), job.GetProperty("total").GetInt32(),
            job.GetProperty("processed").GetInt32(), job.GetProperty("succeeded").GetInt32(), job.GetProperty("refused").GetInt32())
            .Should().Be(("completed", 100, 3, 3, 3, 0));
        foreach (var id in ids)
        {
            (await account.DndStatusAsync(id, "SMS")).Should().Be("active");
            var lines = await BulkDnd.LinesOfAsync(account, id, jobId);
            lines.Should().ContainSingle();
            lines[0].GetProperty("actedBy").GetString().Should().StartWith($"api key '{TestAccount.KeyName}'");
            (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        }
    }

    [Fact]
    public async Task A_clear_never_lifts_a_contacts_own_stop_lists_it_refused_with_the_rules_reason_and_lifts_the_rest()
    {
        var account = await TestAccount.CreateAsync(_app);
        var ids = await BulkDnd.ContactsAsync(account, 3, "+155516102");
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{ids[0]}", new { dndSettings = new { SMS = new { status = "active" } } }), 200);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{ids[1]}", new { dndSettings = new { SMS = new { status = "active" } } }), 200);
        await Twilio.InboundAsync(_app, account, "+15551610201", "STOP");
        (await account.DndStatusAsync(ids[1], "SMS")).Should().Be("permanent");

        var jobId = await BulkDnd.EnqueueAsync(account, new { contactIds = ids, channels = new[] { "SMS" }, action = "clear" });
        await SteppedJobs.RunAllAsync(_app);

        var answer = await BulkDnd.JobAsync(account, jobId);
        var job = answer.GetProperty("job");
        (job.GetProperty("succeeded").GetInt32(), job.GetProperty("refused").GetInt32(), job.GetProperty("failed").GetInt32()).Should().Be((2, 1, 0));
        var problem = answer.GetProperty("problems").GetProperty("problems").EnumerateArray().Should().ContainSingle().Subject;
        (problem.GetProperty("reference").GetString(), problem.GetProperty("column").GetString(), problem.GetProperty("outcome").GetString())
            .Should().Be((ids[1], "SMS", "refused"));
        problem.GetProperty("message").GetString().Should().Contain("UserCannotLiftPermanent");
        (await account.DndStatusAsync(ids[1], "SMS")).Should().Be("permanent");
        (await account.DndStatusAsync(ids[0], "SMS")).Should().Be("inactive");
        // The refusal is on the ledger too, naming the job.
        (await BulkDnd.LinesOfAsync(account, ids[1], jobId)).Should().ContainSingle().Which.GetProperty("verdict").GetString().Should().Be("Denied");
    }

    [Fact]
    public async Task Resubmitting_with_the_same_key_gives_the_same_job_and_no_second_ledger_line_and_another_body_under_it_is_refused()
    {
        var account = await TestAccount.CreateAsync(_app);
        var ids = await BulkDnd.ContactsAsync(account, 2, "+155516103");
        var body = new { contactIds = ids, channels = new[] { "SMS" }, action = "set" };

        var jobId = await BulkDnd.EnqueueAsync(account, body, key: "k-1");
        await SteppedJobs.RunAllAsync(_app);
        (await BulkDnd.EnqueueAsync(account, body, key: "k-1")).Should().Be(jobId);
        (await SteppedJobs.RunAllAsync(_app)).Should().Be(0);

        foreach (var id in ids)
        {
            (await account.LedgerAsync(id)).EnumerateArray().Count(e => e.GetProperty("actedBy").GetString()?.Contains("via bulk job") == true).Should().Be(1);
        }
        var conflict = await Http.ProblemAsync(await BulkDnd.PostAsync(account, body with { action = "clear" }, key: "k-1"), 422);
        conflict.GetProperty("detail").GetString().Should().Contain(jobId);
        (await SteppedJobs.StepAsync(_app)).Should().BeFalse();
        (await account.DndStatusAsync(ids[0], "SMS")).Should().Be("active");
    }

    [Fact]
    public async Task Cancel_stops_between_steps_and_leaves_the_contacts_after_the_cut_untouched()
    {
        var account = await TestAccount.CreateAsync(_app);
        var ids = await BulkDnd.ContactsAsync(account, 5, "+155516104");
        var jobId = await BulkDnd.EnqueueAsync(account, new { contactIds = ids, all = true, action = "set" });
        await SteppedJobs.StepAsync(_app);
        await SteppedJobs.StepAsync(_app);

        var cancel = await account.Client.PostAsync($"/locations/jobs/{jobId}/cancel", null);
        await Http.EnsureAsync(cancel, 200);
        (await Http.JsonAsync(cancel)).GetProperty("job").GetProperty("cancelRequested").GetBoolean().Should().BeTrue();
        await SteppedJobs.RunAllAsync(_app);

        var job = (await BulkDnd.JobAsync(account, jobId)).GetProperty("job");
        (job.GetProperty("status").GetString(), job.GetProperty("processed").GetInt32(), job.GetProperty("percentage").GetInt32())
            .Should().Be(("cancelled", 2, 40));
        foreach (var id in ids.Take(2))
        {
            (await account.DndStatusAsync(id, "Email")).Should().Be("active");
        }
        foreach (var id in ids.Skip(2))
        {
            (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
            (await BulkDnd.LinesOfAsync(account, id, jobId)).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_smart_list_job_changes_the_members_as_they_were_when_it_started()
    {
        var account = await TestAccount.CreateAsync(_app);
        var members = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            members.Add((await account.CreateContactAsync(new { phone = $"+1555161050{i}", tags = new[] { "promo" } })).GetProperty("id").GetString()!);
        }
        var outsider = (await account.CreateContactAsync(new { phone = "+15551610599" })).GetProperty("id").GetString()!;
        var list = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/smart-lists/", new { name = "Promo", tag = "promo" }));
        var listId = list.GetProperty("smartList").GetProperty("id").GetString()!;

        var jobId = await BulkDnd.EnqueueAsync(account, new { smartListId = listId, channels = new[] { "SMS" }, action = "set", status = "permanent" });
        await SteppedJobs.StepAsync(_app);
        var late = (await account.CreateContactAsync(new { phone = "+15551610598", tags = new[] { "promo" } })).GetProperty("id").GetString()!;
        await SteppedJobs.RunAllAsync(_app);

        (await BulkDnd.JobAsync(account, jobId)).GetProperty("job").GetProperty("succeeded").GetInt32().Should().Be(3);
        foreach (var id in members)
        {
            (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        }
        (await account.DndStatusAsync(outsider, "SMS")).Should().Be("inactive");
        (await account.DndStatusAsync(late, "SMS")).Should().Be("inactive");
    }

    public static TheoryData<string, object> BadRequests => new()
    {
        { "channels[0]", new { contactIds = new[] { "x" }, channels = new[] { "Pigeon" }, action = "set" } },
        { "channels", new { contactIds = new[] { "x" }, action = "set" } },
        { "channels", new { contactIds = new[] { "x" }, channels = new[] { "SMS" }, all = true, action = "set" } },
        { "contactIds", new { contactIds = Array.Empty<string>(), channels = new[] { "SMS" }, action = "set" } },
        { "contactIds", new { channels = new[] { "SMS" }, action = "set" } },
        { "contactIds", new { contactIds = new[] { "x" }, smartListId = "y", channels = new[] { "SMS" }, action = "set" } },
        { "action", new { contactIds = new[] { "x" }, channels = new[] { "SMS" }, action = "toggle" } },
        { "status", new { contactIds = new[] { "x" }, channels = new[] { "SMS" }, action = "clear", status = "permanent" } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_422_naming_the_field_and_enqueues_nothing(string field, object body)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551610600" })).GetProperty("id").GetString()!;
        var json = System.Text.Json.JsonSerializer.Serialize(body).Replace("\"x\"", $"\"{id}\"");

        var problem = await Http.ProblemAsync(await BulkDnd.PostAsync(account, System.Text.Json.JsonDocument.Parse(json).RootElement), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Contain(field);
        (await SteppedJobs.StepAsync(_app)).Should().BeFalse();
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
    }

    [Fact]
    public async Task An_unknown_contact_or_smart_list_changes_nothing_and_another_accounts_job_is_not_found()
    {
        var account = await TestAccount.CreateAsync(_app);
        var other = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551610700" })).GetProperty("id").GetString()!;
        var foreign = (await other.CreateContactAsync(new { phone = "+15551610701" })).GetProperty("id").GetString()!;

        var unknown = await Http.ProblemAsync(await BulkDnd.PostAsync(account, new { contactIds = new[] { id, foreign }, channels = new[] { "SMS" }, action = "set" }), 422);
        unknown.GetProperty("errors").EnumerateArray().Should().ContainSingle(e => e.GetString()!.Contains(foreign));
        await Http.ProblemAsync(await BulkDnd.PostAsync(account, new { smartListId = "nope", channels = new[] { "SMS" }, action = "set" }), 404);
        (await SteppedJobs.StepAsync(_app)).Should().BeFalse();
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");

        var jobId = await BulkDnd.EnqueueAsync(account, new { contactIds = new[] { id }, channels = new[] { "SMS" }, action = "set" });
        await Http.ProblemAsync(await other.Client.GetAsync($"/locations/jobs/{jobId}"), 404);
        await Http.ProblemAsync(await other.Client.PostAsync($"/locations/jobs/{jobId}/cancel", null), 404);
        await Http.ProblemAsync(await other.Client.GetAsync($"/locations/jobs/{jobId}/problems"), 404);
        await SteppedJobs.RunAllAsync(_app);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("active");
    }

    [Fact]
    public async Task A_crashed_runners_lease_holds_the_job_until_it_runs_out_then_another_runner_resumes_it()
    {
        var path = TempFiles.NewDatabase();
        var clock = new TestClock();
        await using var app = new DndApp(path, settings: SteppedJobs.Settings, services: s => s.AddSingleton<TimeProvider>(clock));
        var account = await TestAccount.CreateAsync(app);
        var ids = await BulkDnd.ContactsAsync(account, 3, "+155516109");
        var jobId = await BulkDnd.EnqueueAsync(account, new { contactIds = ids, channels = new[] { "SMS" }, action = "set" });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What a runner killed mid-job leaves: the job running under its claim, the lease a while yet.
            await scope.ServiceProvider.GetRequiredService<Dnd.Activities.Persistence.DndDbContext>().Set<Dnd.Crm.Persistence.JobRecord>()
                .Where(j => j.Id == jobId).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, Dnd.Crm.Persistence.JobStatus.Running)
                    .SetProperty(j => j.ClaimedBy, "crashed").SetProperty(j => j.LeaseUntil, clock.GetUtcNow().AddMinutes(2)));
        }

        (await SteppedJobs.StepAsync(app)).Should().BeFalse("the crashed runner's lease still holds");
        clock.Advance(TimeSpan.FromMinutes(5));
        (await SteppedJobs.RunAllAsync(app)).Should().BeGreaterThan(0);

        (await BulkDnd.JobAsync(account, jobId)).GetProperty("job").GetProperty("status").GetString().Should().Be("completed");
    }

    [Fact]
    public async Task A_stop_mid_job_hands_its_lease_back_and_the_next_server_resumes_at_once_from_the_cursor()
    {
        var path = TempFiles.NewDatabase();
        var first = new DndApp(path, settings: SteppedJobs.Settings);
        var account = await TestAccount.CreateAsync(first);
        var ids = await BulkDnd.ContactsAsync(account, 5, "+155516108");
        var jobId = await BulkDnd.EnqueueAsync(account, new { contactIds = ids, channels = new[] { "SMS" }, action = "set" });
        await SteppedJobs.StepAsync(first);
        await SteppedJobs.StepAsync(first);
        await first.DisposeAsync();

        await using var second = new DndApp(path, settings: SteppedJobs.Settings);
        var again = account.On(second);
        // The stopped runner released its lease (a crashed one's would hold until it ran out): no wait, no clock moved.
        (await SteppedJobs.RunAllAsync(second)).Should().Be(2);

        var job = (await BulkDnd.JobAsync(again, jobId)).GetProperty("job");
        (job.GetProperty("status").GetString(), job.GetProperty("processed").GetInt32(), job.GetProperty("succeeded").GetInt32()).Should().Be(("completed", 5, 5));
        foreach (var id in ids)
        {
            (await BulkDnd.LinesOfAsync(again, id, jobId)).Should().ContainSingle();
        }
    }
}
