using Dnd.Activities.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

/// <summary>Drafts, publish, unpublish, rollback, delete, and templates an account installs, each on the account's own workflows only.</summary>
public class WorkflowLifecycleTests : IAsyncLifetime
{
    private readonly DndApp _app = new(workflowsFolder: RepoPaths.Workflows);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Waiting(string id, string duration) => Definition(id, [Activity("wait", "Delay", new { duration })], []);

    private static async Task<JsonElement> SummaryAsync(TestAccount account, string id) =>
        (await Http.JsonAsync(await account.Client.GetAsync("/workflows/"))).GetProperty("workflows").EnumerateArray()
        .Single(w => w.GetProperty("id").GetString() == id);

    private static async Task<List<(int Version, string Source)>> VersionsAsync(TestAccount account, string id) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/workflows/{id}/versions"))).GetProperty("versions").EnumerateArray()
        .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("source").GetString()!)).ToList();

    [Fact]
    public async Task A_draft_never_starts_and_publishing_it_makes_the_next_version()
    {
        var account = await TestAccount.CreateAsync(_app);
        var contact = (await account.CreateContactAsync(new { phone = "+15550700001" })).GetProperty("id").GetString()!;

        var saved = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/workflows/drafted/draft", Waiting("drafted", "01:00:00")));

        saved.GetProperty("problems").GetArrayLength().Should().Be(0);
        (await SummaryAsync(account, "drafted")).GetProperty("status").GetString().Should().Be("draft");
        await Http.ProblemAsync(await account.Client.PostAsync($"/contacts/{contact}/workflow/drafted", null), 404);
        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/drafted"), 404);

        (await Http.JsonAsync(await account.Client.PostAsync("/workflows/drafted/publish", null))).GetProperty("version").GetInt32().Should().Be(1);
        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/drafted/draft"), 404);
        // A draft of a published workflow is not what starts: the published version is.
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/workflows/drafted/draft", Waiting("drafted", "02:00:00")), 200);
        (await SummaryAsync(account, "drafted")).GetProperty("hasDraft").GetBoolean().Should().BeTrue();
        var instance = await StartAsync(account, contact, "drafted");
        (await InstanceAsync(account, instance)).GetProperty("instance").GetProperty("definitionVersion").GetInt32().Should().Be(1);

        (await Http.JsonAsync(await account.Client.PostAsync("/workflows/drafted/publish", null))).GetProperty("version").GetInt32().Should().Be(2);
        (await VersionsAsync(account, "drafted")).Should().Equal((1, "draft"), (2, "draft"));
    }

    [Fact]
    public async Task An_invalid_draft_is_saved_with_its_problems_and_cannot_be_published()
    {
        var account = await TestAccount.CreateAsync(_app);
        var half = Definition("half", [Activity("wait", "Delay", new { duration = "soon" })], []);

        var saved = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/workflows/half/draft", half));

        saved.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).Should().Contain(p => p!.Contains("'soon' is not a duration"));
        (await Http.JsonAsync(await account.Client.GetAsync("/workflows/half/draft"))).GetProperty("draft").GetProperty("activities")[0]
            .GetProperty("properties").GetProperty("duration").GetString().Should().Be("soon");
        var problem = await Http.ProblemAsync(await account.Client.PostAsync("/workflows/half/publish", null), 422);
        problem.GetProperty("errors").EnumerateArray().Should().NotBeEmpty();
        await Http.EnsureAsync(await account.Client.GetAsync("/workflows/half/draft"), 200);
        await Http.ProblemAsync(await account.Client.PostAsync("/workflows/none/publish", null), 404);
        await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/workflows/other/draft", half), 422);
    }

    [Fact]
    public async Task Unpublishing_stops_new_enrolments_while_a_running_instance_finishes_and_publishing_again_re_enables()
    {
        var account = await TestAccount.CreateAsync(_app);
        var first = (await account.CreateContactAsync(new { phone = "+15550700011" })).GetProperty("id").GetString()!;
        var second = (await account.CreateContactAsync(new { phone = "+15550700012" })).GetProperty("id").GetString()!;
        var definition = Waiting("paused", "2");
        await PublishAsync(account, definition);
        var running = await StartAsync(account, first, "paused");

        (await Http.JsonAsync(await account.Client.PostAsync("/workflows/paused/unpublish", null))).GetProperty("status").GetString().Should().Be("unpublished");

        (await SummaryAsync(account, "paused")).GetProperty("status").GetString().Should().Be("unpublished");
        var refused = await Http.ProblemAsync(await account.Client.PostAsync($"/contacts/{second}/workflow/paused", null), 409);
        refused.GetProperty("detail").GetString().Should().Contain("unpublished");
        await UntilStatusAsync(account, running, "Finished");

        await PublishAsync(account, definition);  // PUT of the same content: also how a designer publishes again
        (await SummaryAsync(account, "paused")).GetProperty("status").GetString().Should().Be("published");
        await StartAsync(account, second, "paused");
        (await VersionsAsync(account, "paused")).Should().HaveCount(1, "publishing the same content again re-enables the version it was");
    }

    [Fact]
    public async Task An_unpublished_workflow_is_not_started_by_its_trigger()
    {
        var account = await TestAccount.CreateAsync(_app);
        await InstallAsync(account, "dnd-everywhere-cleanup");
        await Http.EnsureAsync(await account.Client.PostAsync("/workflows/dnd-everywhere-cleanup/unpublish", null), 200);
        var before = (await account.CreateContactAsync(new { phone = "+15550700021", dndSettings = new { SMS = new { status = "active" } } }))
            .GetProperty("id").GetString()!;
        // A trigger is matched when the worker takes it (within milliseconds), so the pause must still hold then.
        await Eventually.MatchAsync(() => PendingTriggersAsync(account.Id), count => count == 0, "the trigger of the DND set while unpublished taken");
        await Http.ProblemAsync(await account.Client.PostAsync("/workflows/templates/dnd-everywhere-cleanup/install", null), 409);
        (await Http.JsonAsync(await account.Client.PostAsync("/workflows/dnd-everywhere-cleanup/publish", null))).GetProperty("version").GetInt32().Should().Be(1);
        var after = (await account.CreateContactAsync(new { phone = "+15550700022", dndSettings = new { SMS = new { status = "active" } } }))
            .GetProperty("id").GetString()!;

        // The trigger after publishing again starts it; the one while it was unpublished started nothing.
        await Eventually.MatchAsync(() => InstancesAsync(account, after), all => all.GetArrayLength() == 1, "the clean-up of the second contact");
        (await InstancesAsync(account, before)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Rollback_publishes_a_copy_of_the_earlier_version_as_the_next()
    {
        var account = await TestAccount.CreateAsync(_app);
        await PublishAsync(account, Waiting("rolled", "01:00:00"));
        await PublishAsync(account, Waiting("rolled", "02:00:00"));

        var rolled = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/workflows/rolled/rollback", new { version = 1 }));

        rolled.GetProperty("version").GetInt32().Should().Be(3);
        var v1 = await Http.JsonAsync(await account.Client.GetAsync("/workflows/rolled?version=1"));
        var latest = await Http.JsonAsync(await account.Client.GetAsync("/workflows/rolled"));
        latest.GetProperty("version").GetInt32().Should().Be(3);
        latest.GetProperty("activities").GetRawText().Should().Be(v1.GetProperty("activities").GetRawText());
        (await VersionsAsync(account, "rolled")).Should().Equal((1, "api"), (2, "api"), (3, "rollback of 1"));
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/workflows/rolled/rollback", new { version = 9 }), 404);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/workflows/rolled/rollback", new { version = 0 }), 400);
        await Http.ProblemAsync(await account.Client.PostAsync("/workflows/rolled/rollback",
            new StringContent("{", System.Text.Encoding.UTF8, "application/json")), 400);
    }

    [Fact]
    public async Task A_template_installs_once_per_account_as_that_accounts_own_workflow()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);

        var templates = (await Http.JsonAsync(await alice.Client.GetAsync("/workflows/templates"))).GetProperty("templates").EnumerateArray()
            .Select(t => t.GetProperty("id").GetString()).ToList();
        templates.Should().Contain("welcome-nurture");
        await InstallAsync(alice, "welcome-nurture");

        await Http.ProblemAsync(await alice.Client.PostAsync("/workflows/templates/welcome-nurture/install", null), 409);
        await Http.ProblemAsync(await alice.Client.PostAsync("/workflows/templates/no-such/install", null), 404);
        (await VersionsAsync(alice, "welcome-nurture")).Should().Equal((1, "template:welcome-nurture"));
        (await SummaryAsync(alice, "welcome-nurture")).GetProperty("status").GetString().Should().Be("published");
        // Bob has not installed it: he neither sees Alice's nor can change it, and his own install is his.
        await Http.ProblemAsync(await bob.Client.GetAsync("/workflows/welcome-nurture"), 404);
        await Http.ProblemAsync(await bob.Client.PostAsync("/workflows/welcome-nurture/unpublish", null), 404);
        await Http.ProblemAsync(await bob.Client.DeleteAsync("/workflows/welcome-nurture"), 404);
        (await Http.JsonAsync(await bob.Client.GetAsync("/workflows/"))).GetProperty("workflows").GetArrayLength().Should().Be(0);
        await InstallAsync(bob, "welcome-nurture");
        (await SummaryAsync(alice, "welcome-nurture")).GetProperty("status").GetString().Should().Be("published");
    }

    [Fact]
    public async Task Deleting_hides_the_workflow_and_its_running_instance_can_still_be_removed()
    {
        var account = await TestAccount.CreateAsync(_app);
        var other = await TestAccount.CreateAsync(_app);
        var contact = (await account.CreateContactAsync(new { phone = "+15550700031", email = "del@example.com" })).GetProperty("id").GetString()!;
        await InstallAsync(account, "welcome-nurture");
        var running = await StartAsync(account, contact, "welcome-nurture");

        await Http.ProblemAsync(await other.Client.DeleteAsync("/workflows/welcome-nurture"), 404);
        (await Http.JsonAsync(await account.Client.DeleteAsync("/workflows/welcome-nurture"))).GetProperty("status").GetString().Should().Be("deleted");

        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/welcome-nurture"), 404);
        (await Http.JsonAsync(await account.Client.GetAsync("/workflows/"))).GetProperty("workflows").GetArrayLength().Should().Be(0);
        await Http.ProblemAsync(await account.Client.PostAsync($"/contacts/{contact}/workflow/welcome-nurture", null), 404);
        await Http.ProblemAsync(await account.Client.DeleteAsync("/workflows/welcome-nurture"), 404);
        Status(await InstanceAsync(account, running)).Should().Be("Suspended");
        (await Http.JsonAsync(await account.Client.DeleteAsync($"/contacts/{contact}/workflow/welcome-nurture"))).GetProperty("removed").GetInt32()
            .Should().Be(1);
        Status(await InstanceAsync(account, running)).Should().Be("Cancelled");
        // Deleted, the id is free to install again.
        await InstallAsync(account, "welcome-nurture");
    }

    private async Task<int> PendingTriggersAsync(string accountId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().PendingTriggers.CountAsync(t => t.AccountId == accountId);
    }
}
