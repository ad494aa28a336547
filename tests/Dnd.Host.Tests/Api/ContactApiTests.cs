using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

public class ContactApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task Create_read_update_delete_with_highlevel_dnd_shapes()
    {
        var account = await TestAccount.CreateAsync(_app);

        var created = await account.CreateContactAsync(new
        {
            locationId = account.Id, firstName = "Ann", email = "Ann@Example.com", phone = "(555) 010-2000",
            dndSettings = new { SMS = new { status = "active", message = "asked by phone" } },
        });
        var id = created.GetProperty("id").GetString()!;
        created.GetProperty("email").GetString().Should().Be("ann@example.com");
        created.GetProperty("phone").GetString().Should().Be("+15550102000");
        created.GetProperty("dndAggregate").GetString().Should().Be("partial");
        created.GetProperty("dndSettings").GetProperty("SMS").GetProperty("message").GetString().Should().Be("asked by phone");

        var update = await account.Client.PutAsJsonAsync($"/contacts/{id}", new { lastName = "Lee", dnd = true, inboundDndSettings = new { all = new { status = "active", message = "spam calls" } } });
        await Http.EnsureAsync(update, 200);
        var updated = (await Http.JsonAsync(update)).GetProperty("contact");
        updated.GetProperty("lastName").GetString().Should().Be("Lee");
        updated.GetProperty("firstName").GetString().Should().Be("Ann", "absent fields are left alone");
        updated.GetProperty("dnd").GetBoolean().Should().BeTrue();
        updated.GetProperty("inboundDndSettings").GetProperty("all").GetProperty("status").GetString().Should().Be("active");

        var off = await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dndSettings = new { Email = new { status = "inactive" } } });
        await Http.EnsureAsync(off, 200);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        (await account.GetContactAsync(id)).GetProperty("dndAggregate").GetString().Should().Be("partial");

        await Http.EnsureAsync(await account.Client.DeleteAsync($"/contacts/{id}"), 200);
        await Http.ProblemAsync(await account.Client.GetAsync($"/contacts/{id}"), 404);
        (await account.LedgerAsync(id)).GetArrayLength().Should().BeGreaterThan(0, "the consent ledger outlives the contact");
    }

    [Fact]
    public async Task Users_cannot_lift_permanent_dnd_and_are_told_why()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550100001" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550100001", "STOP");

        var response = await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = false });

        await Http.EnsureAsync(response, 200);
        var body = await Http.JsonAsync(response);
        body.GetProperty("contact").GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
        body.GetProperty("dndDecisions").EnumerateArray()
            .Should().Contain(d => d.GetProperty("channel").GetString() == "SMS" && d.GetProperty("verdict").GetString() == "Denied"
                                   && d.GetProperty("policyRule").GetString() == "UserCannotLiftPermanent");
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "bo@example.com" })).GetProperty("id").GetString()!;

        var permanent = await Http.ProblemAsync(await account.Client.PutAsJsonAsync($"/contacts/{id}",
            new { firstName = "Changed", dndSettings = new { SMS = new { status = "permanent" }, Pigeon = new { status = "active" } } }), 422);
        var badEmail = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/", new { email = "not-an-email" }), 422);
        var badJson = await account.Client.PostAsync("/contacts/", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));

        permanent.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should()
            .Contain(e => e!.Contains("permanent DND is set only by the contact")).And.Contain(e => e!.Contains("pigeon", StringComparison.OrdinalIgnoreCase));
        badEmail.GetProperty("errors")[0].GetString().Should().Contain("not-an-email");
        await Http.ProblemAsync(badJson, 400);
        var contact = await account.GetContactAsync(id);
        contact.GetProperty("firstName").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "a rejected request loses nothing and changes nothing");
        contact.GetProperty("dndAggregate").GetString().Should().Be("off");
    }

    [Fact]
    public async Task Api_keys_isolate_tenants()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);
        var id = (await alice.CreateContactAsync(new { email = "private@example.com" })).GetProperty("id").GetString()!;

        await Http.ProblemAsync(await bob.Client.GetAsync($"/contacts/{id}"), 404);
        await Http.ProblemAsync(await bob.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = true }), 404);
        await Http.ProblemAsync(await bob.Client.PostAsJsonAsync("/contacts/", new { locationId = alice.Id, email = "x@example.com" }), 403);
        var search = await Http.JsonAsync(await bob.Client.PostAsJsonAsync("/contacts/search", new { query = "private" }));
        search.GetProperty("total").GetInt32().Should().Be(0);
        await Http.ProblemAsync(await _app.CreateClient().GetAsync($"/contacts/{id}"), 401);
        var forged = _app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "dnd_forged");
        await Http.ProblemAsync(await forged.GetAsync($"/contacts/{id}"), 401);
        (await alice.DndStatusAsync(id, "Email")).Should().Be("inactive");
    }

    [Fact]
    public async Task Upsert_matches_by_email_then_phone()
    {
        var account = await TestAccount.CreateAsync(_app);

        var first = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { email = "cy@example.com", firstName = "Cy" }));
        var second = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { email = "CY@example.com", phone = "555-010-3000" }));
        var byPhone = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { phone = "+15550103000", lastName = "Young" }));

        first.GetProperty("new").GetBoolean().Should().BeTrue();
        second.GetProperty("new").GetBoolean().Should().BeFalse();
        byPhone.GetProperty("new").GetBoolean().Should().BeFalse();
        byPhone.GetProperty("contact").GetProperty("id").GetString().Should().Be(first.GetProperty("contact").GetProperty("id").GetString());
        byPhone.GetProperty("contact").GetProperty("firstName").GetString().Should().Be("Cy");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { firstName = "Nobody" }), 422);
    }

    [Fact]
    public async Task Tags_are_added_and_removed()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "t@example.com", tags = new[] { "lead" } })).GetProperty("id").GetString()!;

        await account.Client.PostAsJsonAsync($"/contacts/{id}/tags", new { tags = new[] { "vip", "LEAD" } });
        var removal = new HttpRequestMessage(HttpMethod.Delete, $"/contacts/{id}/tags") { Content = JsonContent.Create(new { tags = new[] { "lead" } }) };
        await account.Client.SendAsync(removal);

        (await account.GetContactAsync(id)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("vip");
    }
}
