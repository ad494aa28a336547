using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

public class WorkflowDefinitionTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task The_palette_lists_every_activity_with_outcomes_and_properties()
    {
        var account = await TestAccount.CreateAsync(_app);

        var activities = (await Http.JsonAsync(await account.Client.GetAsync("/workflows/activities"))).GetProperty("activities").EnumerateArray().ToList();

        activities.Select(a => a.GetProperty("type").GetString()).Should().BeEquivalentTo(
            "DndChangedTrigger", "FormSubmittedTrigger", "SetDnd", "Send", "Delay", "WaitForReply", "RemoveFromAllWorkflows", "IfElse", "SetVariable");
        var send = activities.Single(a => a.GetProperty("type").GetString() == "Send");
        send.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()).Should().Equal("Done", "Blocked");
        send.GetProperty("properties").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain(["channel", "body"]);
    }

    [Fact]
    public async Task Invalid_definitions_list_every_problem()
    {
        var account = await TestAccount.CreateAsync(_app);
        var bad = Definition("broken",
            [
                Activity("a", "Send", new { channel = "Pigeon", body = "{{ end }}" }),
                Activity("b", "Teleport"),
                Activity("c", "Delay", new { duration = "soon" }),
                Activity("d", "DndChangedTrigger"),
            ],
            [Connect("a", "Sideways", "c"), Connect("c", "Done", "zzz")]);

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/workflows/broken", bad), 422);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.Should().Contain(e => e.Contains("'Pigeon' is not a channel"));
        errors.Should().Contain(e => e.Contains("template does not parse"));
        errors.Should().Contain(e => e.Contains("unknown type 'Teleport'"));
        errors.Should().Contain(e => e.Contains("'soon' is not a duration"));
        errors.Should().Contain(e => e.Contains("has no outcome 'Sideways'"));
        errors.Should().Contain(e => e.Contains("zzz"));
        errors.Should().Contain(e => e.Contains("exactly one activity must have no incoming connection"));
        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/broken"), 404);
        await Http.ProblemAsync(await account.Client.PutAsync("/workflows/x", new StringContent("[", System.Text.Encoding.UTF8, "application/json")), 400);
    }

    [Fact]
    public async Task Publishing_versions_and_running_instances_keep_their_version()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "versioned-" + account.Id;
        var contact = (await account.CreateContactAsync(new { phone = "+15550600001" })).GetProperty("id").GetString()!;
        await PublishAsync(account, Definition(id, [Activity("wait", "Delay", new { duration = "01:00:00" })], []));
        await PublishAsync(account, Definition(id, [Activity("wait", "Delay", new { duration = "01:00:00" })], []));
        var instance = await StartAsync(account, contact, id);

        await PublishAsync(account, Definition(id, [Activity("wait", "Delay", new { duration = "02:00:00" })], []));

        var versions = (await Http.JsonAsync(await account.Client.GetAsync($"/workflows/{id}/versions"))).GetProperty("versions");
        versions.GetArrayLength().Should().Be(2, "republishing identical content is not a new version");
        (await Http.JsonAsync(await account.Client.GetAsync($"/workflows/{id}"))).GetProperty("version").GetInt32().Should().Be(2);
        (await Http.JsonAsync(await account.Client.GetAsync($"/workflows/{id}?version=1"))).GetProperty("activities")[0]
            .GetProperty("properties").GetProperty("duration").GetString().Should().Be("01:00:00");
        (await InstanceAsync(account, instance)).GetProperty("instance").GetProperty("definitionVersion").GetInt32().Should().Be(1);
        // The latest version is cached for enrolments; a publish on this server is seen by the next one at once.
        var later = (await account.CreateContactAsync(new { phone = "+15550600002" })).GetProperty("id").GetString()!;
        (await InstanceAsync(account, await StartAsync(account, later, id))).GetProperty("instance").GetProperty("definitionVersion").GetInt32()
            .Should().Be(2);
    }

    [Fact]
    public async Task Workflow_ids_belong_to_one_account()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);
        var id = "owned-" + alice.Id;
        await PublishAsync(alice, Definition(id, [Activity("wait", "Delay", new { duration = "60" })], []));
        var contact = (await bob.CreateContactAsync(new { phone = "+15550600002" })).GetProperty("id").GetString()!;

        await Http.ProblemAsync(await bob.Client.GetAsync($"/workflows/{id}"), 404);
        await Http.ProblemAsync(await bob.Client.PostAsync($"/contacts/{contact}/workflow/{id}", null), 404);
        // The same id in Bob's account is Bob's own workflow: his publish neither sees nor changes Alice's.
        await PublishAsync(bob, Definition(id, [Activity("x", "Delay", new { duration = "1" })], []));

        (await Http.JsonAsync(await bob.Client.GetAsync($"/workflows/{id}"))).GetProperty("activities")[0].GetProperty("id").GetString().Should().Be("x");
        var alices = await Http.JsonAsync(await alice.Client.GetAsync($"/workflows/{id}"));
        alices.GetProperty("activities")[0].GetProperty("id").GetString().Should().Be("wait");
        alices.GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task The_shipped_workflows_folder_loads_cleanly_as_templates_that_run_for_no_account_by_themselves()
    {
        await using var app = new DndApp(workflowsFolder: RepoPaths.Workflows);
        var account = await TestAccount.CreateAsync(app);

        var templates = (await Http.JsonAsync(await account.Client.GetAsync("/workflows/templates"))).GetProperty("templates")
            .EnumerateArray().Select(w => w.GetProperty("id").GetString()).ToList();

        templates.Should().BeEquivalentTo(Directory.GetFiles(RepoPaths.Workflows, "*.json").Select(Path.GetFileNameWithoutExtension));
        (await Http.JsonAsync(await account.Client.GetAsync("/workflows/"))).GetProperty("workflows").GetArrayLength().Should().Be(0);
    }
}
