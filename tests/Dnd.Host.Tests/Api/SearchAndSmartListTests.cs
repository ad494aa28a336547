using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

public class SearchAndSmartListTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static IEnumerable<string?> Emails(JsonElement contacts) =>
        contacts.EnumerateArray().Select(c => c.GetProperty("email").GetString());

    private async Task<TestAccount> SeedAsync()
    {
        var account = await TestAccount.CreateAsync(_app);
        await account.CreateContactAsync(new { email = "open@example.com", tags = new[] { "promo" } });
        await account.CreateContactAsync(new { email = "nosms@example.com", tags = new[] { "promo" }, dndSettings = new { SMS = new { status = "active" } } });
        await account.CreateContactAsync(new { email = "all@example.com", dnd = true });
        await account.CreateContactAsync(new { email = "noemail@example.com", tags = new[] { "other" }, dndSettings = new { Email = new { status = "active" } } });
        return account;
    }

    [Fact]
    public async Task Search_filters_on_dnd_status_per_channel_and_aggregate()
    {
        var account = await SeedAsync();

        async Task<JsonElement> Search(object filter) =>
            await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { filters = new[] { filter } }));

        Emails((await Search(new { field = "dndSettings.SMS.status", @operator = "eq", value = "active" })).GetProperty("contacts"))
            .Should().BeEquivalentTo("nosms@example.com", "all@example.com");
        Emails((await Search(new { field = "dndSettings.SMS.status", @operator = "eq", value = "inactive" })).GetProperty("contacts"))
            .Should().BeEquivalentTo("open@example.com", "noemail@example.com");
        Emails((await Search(new { field = "dnd", @operator = "eq", value = true })).GetProperty("contacts")).Should().Equal("all@example.com");
        Emails((await Search(new { field = "tags", @operator = "contains", value = "PROMO" })).GetProperty("contacts"))
            .Should().BeEquivalentTo("open@example.com", "nosms@example.com");
        (await Search(new { field = "dnd", @operator = "eq", value = false })).GetProperty("total").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Unsupported_filters_are_explained()
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/search", new
        {
            filters = new object[] { new { field = "dndSettings.Pigeon.status", @operator = "eq", value = "active" }, new { field = "dnd", @operator = "gt", value = 1 } },
        }), 422);

        problem.GetProperty("errors").GetArrayLength().Should().Be(2);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { pageLimit = 100000 }), 422);
    }

    [Theory]
    [InlineData("""{ "filters": null }""", "filters")]
    [InlineData("""{ "filters": [null] }""", "filters[0]")]
    [InlineData("""{ "filters": [{ "operator": "eq", "value": "active" }] }""", "filters[0].field")]
    [InlineData("""{ "filters": [{ "field": null, "operator": "eq", "value": "active" }] }""", "filters[0].field")]
    [InlineData("""{ "filters": [{ "field": "dnd", "operator": null, "value": true }] }""", "filters[0].operator")]
    [InlineData("""{ "filters": [{ "field": "dnd", "operator": "eq" }] }""", "filters[0].value")]
    [InlineData("""{ "filters": [{ "field": "dnd", "operator": "eq", "value": null }] }""", "filters[0].value")]
    [InlineData("""{ "filters": [{ "field": "dndSettings.SMS.status", "operator": "eq", "value": "99" }] }""", "filters[0].value")]
    [InlineData("""{ "filters": [{ "field": "dndSettings.SMS.status", "operator": "eq", "value": "1" }] }""", "filters[0].value")]
    [InlineData("""{ "filters": [{ "field": "dndSettings.SMS.status", "operator": "eq", "value": 2 }] }""", "filters[0].value")]
    [InlineData("""{ "filters": [{ "field": "email", "operator": "eq", "value": "a@example.com" }, { "field": "dnd", "operator": "gt", "value": true }] }""", "filters[1].operator")]
    public async Task Incomplete_or_unsupported_filters_are_refused_naming_the_filter(string body, string field)
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PostAsync("/contacts/search", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Contain(field);
        problem.GetProperty("errors").EnumerateArray().Should().Contain(e => e.GetString()!.StartsWith(field));
    }

    [Fact]
    public async Task Search_sizes_are_bounded_and_permanent_is_a_status_filter()
    {
        var account = await SeedAsync();
        var stop = await account.CreateContactAsync(new { email = "perm@example.com", phone = "+15551800001" });
        await Twilio.InboundAsync(_app, account, "+15551800001", "STOP");
        var filter = new { field = "dndSettings.SMS.status", @operator = "eq", value = "PERMANENT" };

        var permanent = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { filters = new[] { filter } }));
        var tooMany = await account.Client.PostAsJsonAsync("/contacts/search", new { filters = Enumerable.Repeat(filter, Dnd.Host.Limits.ApiLimits.FiltersPerSearch + 1) });
        var longQuery = await account.Client.PostAsJsonAsync("/contacts/search", new { query = new string('q', Dnd.Host.Limits.ApiLimits.TextLength + 1) });
        var atMost = await account.Client.PostAsJsonAsync("/contacts/search", new { filters = Enumerable.Repeat(filter, Dnd.Host.Limits.ApiLimits.FiltersPerSearch) });

        Emails(permanent.GetProperty("contacts")).Should().Equal("perm@example.com");
        stop.GetProperty("id").GetString().Should().Be(permanent.GetProperty("contacts")[0].GetProperty("id").GetString());
        (await Http.ProblemAsync(tooMany, 422)).GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("filters");
        (await Http.ProblemAsync(longQuery, 422)).GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("query");
        (await Http.JsonAsync(atMost)).GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_still_has_the_total()
    {
        var account = await SeedAsync();

        var last = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { page = 2, pageLimit = 3 }));
        var past = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { page = 9, pageLimit = 3 }));

        last.GetProperty("contacts").GetArrayLength().Should().Be(1);
        past.GetProperty("contacts").GetArrayLength().Should().Be(0);
        past.GetProperty("total").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task Smart_lists_exclude_contacts_dnd_makes_unreachable_and_follow_changes()
    {
        var account = await SeedAsync();
        var created = await account.Client.PostAsJsonAsync("/smart-lists/", new { name = "Promo SMS", excludeDndChannel = "sms", tag = "promo" });
        await Http.EnsureAsync(created, 201);
        var listId = (await Http.JsonAsync(created)).GetProperty("smartList").GetProperty("id").GetString();

        var members = await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}/contacts"));
        Emails(members.GetProperty("contacts")).Should().Equal("open@example.com");

        var open = members.GetProperty("contacts")[0].GetProperty("id").GetString();
        await account.Client.PutAsJsonAsync($"/contacts/{open}", new { dndSettings = new { SMS = new { status = "active" } } });
        (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}/contacts"))).GetProperty("total").GetInt32().Should().Be(0);

        var anyDnd = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/smart-lists/", new { name = "Fully reachable", excludeAnyDnd = true }));
        var anyId = anyDnd.GetProperty("smartList").GetProperty("id").GetString();
        (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{anyId}/contacts"))).GetProperty("total").GetInt32().Should().Be(0);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/smart-lists/", new { name = "", excludeDndChannel = "fax" }), 422);
    }
}
