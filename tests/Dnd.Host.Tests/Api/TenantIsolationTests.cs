using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Api;

/// <summary>
/// Another account's ids are as unknown as ids that never existed (404, never an empty 200 or someone else's data),
/// a body naming another location is refused (403), and neither changes anything in either account.
/// </summary>
public class TenantIsolationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    /// <summary>What the other account has: a contact with a message and a waiting workflow instance, its own workflow and a smart list.</summary>
    private sealed record Theirs(TestAccount Account, string Contact, string Workflow, string Instance, string SmartList);

    private async Task<Theirs> TheirsAsync()
    {
        var account = await TestAccount.CreateAsync(_app);
        var contact = (await account.CreateContactAsync(new { phone = "+15552100001", email = "theirs@example.com" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = "Hi" }), 200);
        // The outbox parks it (no SMS integration) within a pass; until then a snapshot could catch it changing.
        await Eventually.MatchAsync(async () => (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contact}")))
            .GetProperty("messages")[0].TryGetProperty("statusReason", out var reason) ? reason.GetString() : null,
            reason => reason?.StartsWith("waiting", StringComparison.Ordinal) == true, "the outbox to park the message");
        var workflow = "theirs-" + Guid.NewGuid().ToString("N")[..8];
        await PublishAsync(account, Definition(workflow, [Activity("wait", "Delay", new { duration = "3600" }), Activity("sms", "Send", new { channel = "SMS", body = "Later" })],
            [Connect("wait", "Done", "sms")]));
        var instance = await StartAsync(account, contact, workflow);
        var list = await account.Client.PostAsJsonAsync("/smart-lists/", new { name = "Theirs", excludeDndChannel = "SMS" });
        await Http.EnsureAsync(list, 201);
        return new Theirs(account, contact, workflow, instance, (await Http.JsonAsync(list)).GetProperty("smartList").GetProperty("id").GetString()!);
    }

    /// <summary>Everything either account can see of the other's data, as one comparable string.</summary>
    private static async Task<string> SnapshotAsync(TestAccount account, string? contact, string? workflow, string? instance)
    {
        async Task<string> Get(string path) => $"{path} {await (await account.Client.GetAsync(path)).Content.ReadAsStringAsync()}";
        var parts = new List<string>
        {
            await Get("/smart-lists/"), await Get("/locations/dnd-settings/"), await Get("/workflows/"),
            (await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { pageLimit = 100 }))).GetRawText(),
        };
        if (contact is not null)
        {
            parts.AddRange([await Get($"/contacts/{contact}/dnd/ledger"), await Get($"/conversations/messages?contactId={contact}"),
                await Get($"/contacts/{contact}/workflows")]);
        }
        if (workflow is not null)
        {
            parts.Add(await Get($"/workflows/{workflow}/versions"));
        }
        if (instance is not null)
        {
            parts.Add(await Get($"/workflows/instances/{instance}"));
        }
        return string.Join("\n", parts);
    }

    [Fact]
    public async Task Every_id_taking_route_answers_404_for_another_accounts_ids_and_changes_nothing()
    {
        var theirs = await TheirsAsync();
        var mine = await TestAccount.CreateAsync(_app);
        var myContact = (await mine.CreateContactAsync(new { phone = "+15552100002" })).GetProperty("id").GetString()!;
        var myWorkflow = "mine-" + Guid.NewGuid().ToString("N")[..8];
        await PublishAsync(mine, Definition(myWorkflow, [Activity("sms", "Send", new { channel = "SMS", body = "Mine" })], []));
        var theirsBefore = await SnapshotAsync(theirs.Account, theirs.Contact, theirs.Workflow, theirs.Instance);
        var mineBefore = await SnapshotAsync(mine, myContact, myWorkflow, instance: null);
        var client = mine.Client;

        var calls = new (string Route, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("GET messages of their contact", () => client.GetAsync($"/conversations/messages?contactId={theirs.Contact}")),
            ("GET messages of an unknown contact", () => client.GetAsync("/conversations/messages?contactId=nobody")),
            ("send to their contact", () => client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = theirs.Contact, message = "x" })),
            ("GET their workflow", () => client.GetAsync($"/workflows/{theirs.Workflow}")),
            ("GET their workflow's version", () => client.GetAsync($"/workflows/{theirs.Workflow}?version=1")),
            ("GET their workflow's versions", () => client.GetAsync($"/workflows/{theirs.Workflow}/versions")),
            ("GET their instance", () => client.GetAsync($"/workflows/instances/{theirs.Instance}")),
            ("GET their workflow's draft", () => client.GetAsync($"/workflows/{theirs.Workflow}/draft")),
            ("publish their workflow's draft", () => client.PostAsync($"/workflows/{theirs.Workflow}/publish", null)),
            ("unpublish their workflow", () => client.PostAsync($"/workflows/{theirs.Workflow}/unpublish", null)),
            ("roll back their workflow", () => client.PostAsJsonAsync($"/workflows/{theirs.Workflow}/rollback", new { version = 1 })),
            ("DELETE their workflow", () => client.DeleteAsync($"/workflows/{theirs.Workflow}")),
            ("add their contact to my workflow", () => client.PostAsync($"/contacts/{theirs.Contact}/workflow/{myWorkflow}", null)),
            ("add my contact to their workflow", () => client.PostAsync($"/contacts/{myContact}/workflow/{theirs.Workflow}", null)),
            ("remove their contact from my workflow", () => client.DeleteAsync($"/contacts/{theirs.Contact}/workflow/{myWorkflow}")),
            ("remove their contact from their workflow", () => client.DeleteAsync($"/contacts/{theirs.Contact}/workflow/{theirs.Workflow}")),
            ("remove my contact from their workflow", () => client.DeleteAsync($"/contacts/{myContact}/workflow/{theirs.Workflow}")),
            ("GET their contact's workflows", () => client.GetAsync($"/contacts/{theirs.Contact}/workflows")),
            ("GET their smart list's contacts", () => client.GetAsync($"/smart-lists/{theirs.SmartList}/contacts")),
            ("DELETE their smart list", () => client.DeleteAsync($"/smart-lists/{theirs.SmartList}")),
            ("submit a form for their contact", () => client.PostAsJsonAsync("/forms/f1/submissions", new { contactId = theirs.Contact, consent = true })),
        };
        var answers = new List<string>();
        foreach (var (route, call) in calls)
        {
            var response = await call();
            answers.Add($"{route}: {(int)response.StatusCode}");
            if ((int)response.StatusCode == 404)
            {
                await Http.ProblemAsync(response, 404);
            }
        }

        answers.Should().OnlyContain(a => a.EndsWith(": 404"), "another account's ids must be as unknown as ids that never existed");
        (await SnapshotAsync(theirs.Account, theirs.Contact, theirs.Workflow, theirs.Instance)).Should().Be(theirsBefore);
        (await SnapshotAsync(mine, myContact, myWorkflow, instance: null)).Should().Be(mineBefore);
        // Workflow ids are each account's own: publishing (or drafting) under their id makes mine and leaves theirs as it was.
        await PublishAsync(mine, Definition(theirs.Workflow, [Activity("sms", "Send", new { channel = "SMS", body = "Hijack" })], []));
        await Http.EnsureAsync(await client.PutAsJsonAsync($"/workflows/{theirs.Workflow}/draft",
            Definition(theirs.Workflow, [Activity("sms", "Send", new { channel = "SMS", body = "Hijack 2" })], [])), 200);
        (await SnapshotAsync(theirs.Account, theirs.Contact, theirs.Workflow, theirs.Instance)).Should().Be(theirsBefore);
        (await Http.JsonAsync(await client.GetAsync($"/workflows/{theirs.Workflow}"))).GetProperty("activities")[0].GetProperty("id").GetString()
            .Should().Be("sms");
    }

    [Fact]
    public async Task A_body_naming_another_location_is_forbidden_and_changes_nothing()
    {
        var theirs = await TestAccount.CreateAsync(_app);
        var mine = await TestAccount.CreateAsync(_app);
        var before = await SnapshotAsync(mine, contact: null, workflow: null, instance: null);
        var theirsBefore = await SnapshotAsync(theirs, contact: null, workflow: null, instance: null);

        await Http.ProblemAsync(await mine.Client.PostAsJsonAsync("/smart-lists/", new { name = "x", locationId = theirs.Id }), 403);
        await Http.ProblemAsync(await mine.Client.PutAsJsonAsync("/locations/dnd-settings/", new { unsubscribeScope = "AllChannels", locationId = theirs.Id }), 403);
        await Http.ProblemAsync(await mine.Client.PostAsJsonAsync("/forms/f1/submissions",
            new { email = "form@example.com", consent = true, locationId = theirs.Id }), 403);

        (await SnapshotAsync(mine, contact: null, workflow: null, instance: null)).Should().Be(before);
        (await SnapshotAsync(theirs, contact: null, workflow: null, instance: null)).Should().Be(theirsBefore);
        await Http.EnsureAsync(await mine.Client.PostAsJsonAsync("/smart-lists/", new { name = "own", locationId = mine.Id }), 201);
    }

    [Fact]
    public async Task A_deleted_contacts_messages_stay_readable_but_an_unknown_contact_is_not_found()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15552100003" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = id, message = "Hi" }), 200);
        await Http.EnsureAsync(await account.Client.DeleteAsync($"/contacts/{id}"), 200);

        var messages = await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={id}"));

        messages.GetProperty("messages").GetArrayLength().Should().Be(1);
        (await Http.ProblemAsync(await account.Client.GetAsync("/conversations/messages"), 422))
            .GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("contactId");
    }
}
