using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Api;

/// <summary>
/// Smart lists as a CRM user builds them: conditions on DND, tags, dates, custom and standard fields, joined in
/// groups by AND ("all") and OR ("any"), saved by name, edited, counted and paged; anything the server does not
/// know is a 422 naming its path.
/// </summary>
public class SmartListFilterTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    /// <summary>Six contacts, each different enough that every condition selects a distinct set.</summary>
    internal static async Task<TestAccount> SeedAsync(DndApp app)
    {
        var account = await TestAccount.CreateAsync(app);
        await account.CreateContactAsync(new
        {
            email = "ann@example.com", firstName = "Ann", lastName = "Lee", companyName = "Acme", source = "web form", tags = new[] { "customer", "vip" },
            customFields = new object[] { new { id = "plan", value = "Gold" }, new { id = "colors", value = new[] { "red", "blue" } } },
        });
        await account.CreateContactAsync(new
        {
            email = "bob@example.com", firstName = "Bob", tags = new[] { "customer", "newsletter" },
            customFields = new object[] { new { id = "plan", value = "Silver" }, new { id = "note", value = "50% \"off\" 'now'" } },
            dndSettings = new { SMS = new { status = "active" } },
        });
        await account.CreateContactAsync(new { email = "cat@example.com", firstName = "Cat", tags = new[] { "customer" }, dnd = true });
        await account.CreateContactAsync(new
        {
            email = "dan@example.com", firstName = "Dan", phone = "+15551230004", tags = new[] { "VIP" },
            dndSettings = new { SMS = new { status = "permanent" }, Email = new { status = "active" } },
        });
        await account.CreateContactAsync(new { email = "eve@example.com", customFields = new object[] { new { id = "score", value = 42 } } });
        await account.CreateContactAsync(new
        {
            email = "fay@example.com", firstName = "Fay", companyName = "  ", tags = new[] { "customer", "newsletter" },
            customFields = new object[] { new { id = "plan", value = " " }, new { id = "colors", value = Array.Empty<string>() } },
        });
        return account;
    }

    internal static string Names(IEnumerable<string?> emails) => string.Join(",", emails.Select(e => e!.Split('@')[0]).Order());

    internal static async Task<string> CreateAsync(TestAccount account, object body)
    {
        var response = await account.Client.PostAsJsonAsync("/smart-lists/", body);
        await Http.EnsureAsync(response, 201);
        return (await Http.JsonAsync(response)).GetProperty("smartList").GetProperty("id").GetString()!;
    }

    /// <summary>The list's members by the local part of their email, sorted and joined: "ann,bob".</summary>
    internal static async Task<string> MembersAsync(TestAccount account, string listId)
    {
        var page = await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}/contacts?pageLimit=500"));
        var emails = page.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("email").GetString()).ToList();
        page.GetProperty("total").GetInt32().Should().Be(emails.Count);
        return Names(emails);
    }

    internal static async Task<string> MembersAsync(TestAccount account, object filters) =>
        await MembersAsync(account, await CreateAsync(account, new { name = "list", filters }));

    private static object Where(string field, string op, object? value = null) =>
        value is null ? new { field, @operator = op } : new { field, @operator = op, value };

    private Task<string> Only(TestAccount account, string field, string op, object? value = null) =>
        MembersAsync(account, new { match = "all", conditions = new[] { Where(field, op, value) } });

    [Fact]
    public async Task All_needs_every_condition_and_any_needs_one()
    {
        var account = await SeedAsync(_app);
        var both = new[] { Where("tags", "contains", "customer"), Where("tags", "contains", "vip") };

        (await MembersAsync(account, new { match = "all", conditions = both })).Should().Be("ann");
        (await MembersAsync(account, new { match = "any", conditions = both })).Should().Be("ann,bob,cat,dan,fay");
        (await MembersAsync(account, new { conditions = both })).Should().Be("ann", "a group without match is all");
        (await MembersAsync(account, new { match = "ANY", conditions = both })).Should().Be("ann,bob,cat,dan,fay");
    }

    [Fact]
    public async Task The_active_list_of_the_readme_is_dnd_off_everywhere_and_a_customer_and_one_of_two_tags()
    {
        var account = await SeedAsync(_app);

        var active = await MembersAsync(account, new
        {
            match = "all",
            conditions = new[] { Where("dndAggregate", "eq", "off"), Where("tags", "contains", "customer") },
            groups = new[] { new { match = "any", conditions = new[] { Where("tags", "contains", "vip"), Where("tags", "contains", "newsletter") } } },
        });
        // An OR at the top with an AND group inside: eve by email, or a customer whose SMS is blocked.
        var either = await MembersAsync(account, new
        {
            match = "any",
            conditions = new[] { Where("email", "eq", "eve@example.com") },
            groups = new[] { new { match = "all", conditions = new[] { Where("tags", "contains", "customer"), Where("dnd.SMS", "eq", "blocked") } } },
        });

        active.Should().Be("ann,fay");
        either.Should().Be("bob,cat,eve");
    }

    [Fact]
    public async Task Dnd_conditions_test_each_channels_status_and_the_aggregate()
    {
        var account = await SeedAsync(_app);

        (await Only(account, "dnd.SMS", "eq", "active")).Should().Be("bob,cat");
        (await Only(account, "dnd.sms", "eq", "PERMANENT")).Should().Be("dan");
        (await Only(account, "dnd.SMS", "eq", "inactive")).Should().Be("ann,eve,fay");
        (await Only(account, "dnd.SMS", "eq", "blocked")).Should().Be("bob,cat,dan");
        (await Only(account, "dnd.SMS", "neq", "blocked")).Should().Be("ann,eve,fay");
        (await Only(account, "dnd.SMS", "eq", "open")).Should().Be("ann,eve,fay");
        (await Only(account, "dnd.Email", "neq", "inactive")).Should().Be("cat,dan");
        (await Only(account, "dndSettings.Email.status", "eq", "active")).Should().Be("cat,dan");
        (await Only(account, "dnd.WhatsApp", "eq", "open")).Should().Be("ann,bob,dan,eve,fay");
        (await Only(account, "dndAggregate", "eq", "off")).Should().Be("ann,eve,fay");
        (await Only(account, "dndAggregate", "eq", "partial")).Should().Be("bob,dan");
        (await Only(account, "dndAggregate", "eq", "on")).Should().Be("cat");
        (await Only(account, "dndAggregate", "neq", "off")).Should().Be("bob,cat,dan");
    }

    [Fact]
    public async Task Tag_conditions_include_and_exclude_ignoring_case()
    {
        var account = await SeedAsync(_app);

        (await Only(account, "tags", "contains", "VIP")).Should().Be("ann,dan");
        (await Only(account, "tags", "notContains", "customer")).Should().Be("dan,eve");
        (await Only(account, "tags", "contains", "custom")).Should().BeEmpty("a tag is matched whole, not a part of one");
    }

    [Fact]
    public async Task Date_conditions_take_dates_as_whole_days_and_times_as_instants()
    {
        var account = await SeedAsync(_app);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var contacts = await db.Contacts.Where(c => c.AccountId == account.Id).ToListAsync();
            contacts.Single(c => c.Email == "ann@example.com").CreatedAt = new DateTimeOffset(2025, 1, 10, 12, 0, 0, TimeSpan.Zero);
            contacts.Single(c => c.Email == "bob@example.com").CreatedAt = new DateTimeOffset(2025, 2, 15, 23, 59, 0, TimeSpan.Zero);
            contacts.Single(c => c.Email == "cat@example.com").CreatedAt = new DateTimeOffset(2025, 3, 20, 8, 0, 0, TimeSpan.Zero);
            contacts.Single(c => c.Email == "cat@example.com").UpdatedAt = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        (await Only(account, "dateAdded", "before", "2025-02-01")).Should().Be("ann");
        (await Only(account, "dateAdded", "before", "2025-01-10T12:00:00Z")).Should().BeEmpty("before is strictly earlier");
        (await Only(account, "dateAdded", "before", "2025-01-10T13:00:00+02:00")).Should().Be("", "13:00 at +02:00 is 11:00 UTC");
        (await Only(account, "dateAdded", "after", "2025-02-15")).Should().Be("cat,dan,eve,fay", "after a date is from the next day on");
        (await Only(account, "dateAdded", "after", "2025-02-15T23:00:00Z")).Should().Be("bob,cat,dan,eve,fay");
        (await Only(account, "dateAdded", "between", new[] { "2025-01-10", "2025-02-15" })).Should().Be("ann,bob", "both days are included");
        (await Only(account, "dateAdded", "between", new[] { "2025-01-10T12:00:00Z", "2025-02-15T12:00:00Z" })).Should().Be("ann");
        (await Only(account, "dateUpdated", "before", "2025-12-31")).Should().Be("cat");
    }

    [Fact]
    public async Task Custom_field_conditions_read_strings_numbers_and_options_ignoring_case()
    {
        var account = await SeedAsync(_app);

        (await Only(account, "customFields.plan", "eq", "gold")).Should().Be("ann");
        (await Only(account, "customFields.plan", "neq", "GOLD")).Should().Be("bob,cat,dan,eve,fay", "contacts without the field are not equal to it");
        (await Only(account, "customFields.plan", "contains", "LV")).Should().Be("bob");
        (await Only(account, "customFields.plan", "notContains", "l")).Should().Be("cat,dan,eve,fay");
        (await Only(account, "customFields.plan", "empty")).Should().Be("cat,dan,eve,fay");
        (await Only(account, "customFields.plan", "notEmpty")).Should().Be("ann,bob", "a blank value is empty");
        (await Only(account, "customFields.colors", "empty")).Should().Be("bob,cat,dan,eve,fay", "so is an empty list of options");
        (await Only(account, "customFields.colors", "eq", "Blue")).Should().Be("ann", "a list of options equals each of its options");
        (await Only(account, "customFields.colors", "eq", "re")).Should().BeEmpty();
        (await Only(account, "customFields.colors", "contains", "re")).Should().Be("ann");
        (await Only(account, "customFields.score", "eq", 42)).Should().Be("eve");
        (await Only(account, "customFields.score", "eq", "42")).Should().Be("eve");
        (await Only(account, "customFields.note", "contains", "% \"off\" 'now")).Should().Be("bob", "quotes and % are the value's own");
        (await Only(account, "customFields.note", "contains", "%x")).Should().BeEmpty();
        (await Only(account, "customFields.PLAN", "notEmpty")).Should().BeEmpty("field ids are exact");
    }

    [Fact]
    public async Task Standard_field_conditions()
    {
        var account = await SeedAsync(_app);

        (await Only(account, "firstName", "eq", "ANN")).Should().Be("ann");
        (await Only(account, "firstName", "neq", "ann")).Should().Be("bob,cat,dan,eve,fay");
        (await Only(account, "lastName", "contains", "e")).Should().Be("ann");
        (await Only(account, "firstName", "empty")).Should().Be("eve");
        (await Only(account, "firstName", "notEmpty")).Should().Be("ann,bob,cat,dan,fay");
        (await Only(account, "email", "eq", " BOB@Example.com ")).Should().Be("bob");
        (await Only(account, "email", "contains", "@EXAMPLE")).Should().Be("ann,bob,cat,dan,eve,fay");
        (await Only(account, "phone", "eq", "(555) 123-0004")).Should().Be("dan", "a phone is read in the account's region, as stored");
        (await Only(account, "phone", "empty")).Should().Be("ann,bob,cat,eve,fay");
        (await Only(account, "companyName", "empty")).Should().Be("bob,cat,dan,eve,fay", "blank is empty");
        (await Only(account, "companyName", "contains", "acm")).Should().Be("ann");
        (await Only(account, "source", "eq", "Web Form")).Should().Be("ann");
        (await Only(account, "source", "notContains", "web")).Should().Be("bob,cat,dan,eve,fay");
    }

    [Fact]
    public async Task A_list_is_saved_by_name_edited_read_back_and_deleted()
    {
        var account = await SeedAsync(_app);
        var listId = await CreateAsync(account, new { name = " VIPs ", filters = new { conditions = new[] { Where("tags", "contains", "vip") } } });

        var saved = (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}"))).GetProperty("smartList");
        var edit = await account.Client.PutAsJsonAsync($"/smart-lists/{listId}", new
        {
            name = "Newsletter, SMS open",
            filters = new { match = "all", conditions = new[] { Where("tags", "contains", "newsletter"), Where("dnd.sms", "eq", "OPEN") } },
        });
        await Http.EnsureAsync(edit, 200);
        var edited = (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}"))).GetProperty("smartList");
        var members = await MembersAsync(account, listId);
        var refused = await account.Client.PutAsJsonAsync($"/smart-lists/{listId}", new { name = "Broken", filters = new { conditions = new[] { Where("tags", "like", "x") } } });
        var afterRefusal = (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}"))).GetProperty("smartList");
        var all = (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists");

        saved.GetProperty("name").GetString().Should().Be("VIPs");
        saved.GetProperty("updatedAt").ValueKind.Should().Be(JsonValueKind.Null);
        edited.GetProperty("name").GetString().Should().Be("Newsletter, SMS open");
        edited.GetProperty("updatedAt").ValueKind.Should().Be(JsonValueKind.String);
        // Stored as validated: field and operator in their canonical spelling, the status word in lower case.
        edited.GetProperty("filters").GetRawText().Should().Be(
            """{"match":"all","conditions":[{"field":"tags","operator":"contains","value":"newsletter"},{"field":"dnd.SMS","operator":"eq","value":"open"}],"groups":[]}""");
        members.Should().Be("fay");
        (await Http.ProblemAsync(refused, 422)).GetProperty("fields")[0].GetString().Should().Be("filters.conditions[0].operator");
        afterRefusal.GetProperty("name").GetString().Should().Be("Newsletter, SMS open");
        afterRefusal.GetProperty("filters").GetRawText().Should().Be(edited.GetProperty("filters").GetRawText());
        all.EnumerateArray().Select(l => l.GetProperty("id").GetString()).Should().Equal(listId);

        await Http.EnsureAsync(await account.Client.DeleteAsync($"/smart-lists/{listId}"), 200);
        await Http.ProblemAsync(await account.Client.GetAsync($"/smart-lists/{listId}"), 404);
        await Http.ProblemAsync(await account.Client.PutAsJsonAsync($"/smart-lists/{listId}", new { name = "gone" }), 404);
    }

    [Fact]
    public async Task Lists_are_counted_with_their_members_and_on_request_in_the_list_of_lists()
    {
        var account = await SeedAsync(_app);
        var customers = await CreateAsync(account, new { name = "Customers", filters = new { conditions = new[] { Where("tags", "contains", "customer") } } });
        var everyone = await CreateAsync(account, new { name = "Everyone" });

        var page = await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{customers}/contacts?pageLimit=2"));
        var counted = (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/?withCounts=true"))).GetProperty("smartLists");
        var plain = (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists");

        page.GetProperty("contacts").GetArrayLength().Should().Be(2);
        page.GetProperty("total").GetInt32().Should().Be(4);
        counted.EnumerateArray().Select(l => (l.GetProperty("id").GetString(), l.GetProperty("count").GetInt32()))
            .Should().Equal((customers, 4), (everyone, 6));
        plain.EnumerateArray().Where(l => l.TryGetProperty("count", out _)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"conditions":[{"field":"shoeSize","operator":"eq","value":"9"}]}""", "filters.conditions[0].field")]
    [InlineData("""{"match":"all","groups":[{"match":"any","conditions":[{"field":"tags","operator":"contains","value":"a"}]},{"match":"any","conditions":[{"field":"tags","operator":"startsWith","value":"a"}]}]}""",
        "filters.groups[1].conditions[0].operator")]
    [InlineData("""{"conditions":[{"field":"dnd.Pigeon","operator":"eq","value":"active"}]}""", "filters.conditions[0].field")]
    [InlineData("""{"conditions":[{"field":"dnd.SMS","operator":"eq","value":"maybe"}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"dnd.SMS","operator":"eq","value":1}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"dnd.SMS","operator":"contains","value":"active"}]}""", "filters.conditions[0].operator")]
    [InlineData("""{"conditions":[{"field":"dndAggregate","operator":"eq","value":"sometimes"}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"dateAdded","operator":"before","value":"31/01/2026"}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"dateAdded","operator":"on","value":"2026-01-31"}]}""", "filters.conditions[0].operator")]
    [InlineData("""{"conditions":[{"field":"dateUpdated","operator":"between","value":"2026-01-31"}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"dateUpdated","operator":"between","value":["2026-01-01","2026-02-30"]}]}""", "filters.conditions[0].value[1]")]
    [InlineData("""{"conditions":[{"field":"dateUpdated","operator":"between","value":["2026-02-01","2026-01-01"]}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"tags","operator":"contains","value":""}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"tags","operator":"contains"}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"customFields.plan","operator":"empty","value":"x"}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"customFields.","operator":"eq","value":"x"}]}""", "filters.conditions[0].field")]
    [InlineData("""{"conditions":[{"field":"firstName","operator":"like","value":"x"}]}""", "filters.conditions[0].operator")]
    [InlineData("""{"conditions":[{"field":"firstName","operator":"eq","value":["x"]}]}""", "filters.conditions[0].value")]
    [InlineData("""{"conditions":[{"field":"firstName","value":"x"}]}""", "filters.conditions[0].operator")]
    [InlineData("""{"conditions":[{"field":"firstName","operator":"eq","vaule":"x"}]}""", "filters.conditions[0].vaule")]
    [InlineData("""{"conditions":[null]}""", "filters.conditions[0]")]
    [InlineData("""{"match":"most","conditions":[]}""", "filters.match")]
    [InlineData("""{"conditons":[]}""", "filters.conditons")]
    [InlineData("""{"groups":[{"conditions":[{"field":"tags","operator":"contains","value":"a"}],"groups":[]}]}""", "filters.groups[0].groups")]
    [InlineData("""{"groups":[{"match":"any","conditions":[]}]}""", "filters.groups[0].conditions")]
    public async Task An_unknown_field_operator_or_value_is_refused_naming_its_path_and_nothing_is_saved(string filters, string path)
    {
        var account = await TestAccount.CreateAsync(_app);
        var body = $$"""{"name":"bad","filters":{{filters}}}""";

        var problem = await Http.ProblemAsync(await account.Client.PostAsync("/smart-lists/", new StringContent(body, Encoding.UTF8, "application/json")), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal(path);
        problem.GetProperty("errors").EnumerateArray().Should().ContainSingle().Which.GetString().Should().StartWith(path);
        (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Every_problem_of_a_list_is_named_at_once_and_filters_do_not_mix_with_the_old_fields()
    {
        var account = await TestAccount.CreateAsync(_app);
        var conditions = Enumerable.Repeat(Where("tags", "contains", "a"), 51).ToArray();

        var many = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/smart-lists/", new
        {
            name = "bad", filters = new { conditions = new[] { Where("nope", "eq", "x"), Where("tags", "gt", "x"), Where("dnd.SMS", "eq", "sure") } },
        }), 422);
        var mixed = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/smart-lists/", new
        {
            name = "bad", tag = "a", filters = new { conditions = new[] { Where("tags", "contains", "b") } },
        }), 422);
        var tooMany = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/smart-lists/", new { name = "big", filters = new { conditions } }), 422);

        many.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should()
            .Equal("filters.conditions[0].field", "filters.conditions[1].operator", "filters.conditions[2].value");
        mixed.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("filters");
        tooMany.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("filters");
        (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_old_shape_is_a_filter_tree_and_lists_saved_before_trees_still_evaluate()
    {
        var account = await SeedAsync(_app);
        var listId = await CreateAsync(account, new { name = "Old", excludeDndChannel = "sms", excludeAnyDnd = false, tag = "customer", query = "example" });

        var saved = (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}"))).GetProperty("smartList");
        var members = await MembersAsync(account, listId);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // As a list saved before filter trees: only its old columns.
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var list = await db.SmartLists.SingleAsync(s => s.Id == listId);
            list.FiltersJson = null;
            await db.SaveChangesAsync();
        }
        var before = (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}"))).GetProperty("smartList");

        saved.GetProperty("excludeDndChannel").GetString().Should().Be("SMS");
        saved.GetProperty("tag").GetString().Should().Be("customer");
        saved.GetProperty("filters").GetRawText().Should().Be(
            """{"match":"all","conditions":[{"field":"dnd.SMS","operator":"eq","value":"open"},{"field":"tags","operator":"contains","value":"customer"},""" +
            """{"field":"query","operator":"contains","value":"example"}],"groups":[]}""");
        members.Should().Be("ann,fay");
        before.GetProperty("filters").GetRawText().Should().Be(saved.GetProperty("filters").GetRawText());
        (await MembersAsync(account, listId)).Should().Be("ann,fay");
    }

    [Fact]
    public async Task Paging_walks_every_member_once_whether_by_cursor_or_by_page_while_contacts_are_added()
    {
        var account = await TestAccount.CreateAsync(_app);
        var members = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            members.Add((await account.CreateContactAsync(new { email = $"m{i}@example.com", tags = new[] { "member" } })).GetProperty("id").GetString()!);
            await account.CreateContactAsync(new { email = $"x{i}@example.com", tags = new[] { "other" } });
        }
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // Members added in the same instant: their order is the id's.
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var instant = DateTimeOffset.UtcNow;
            for (var i = 0; i < 4; i++)
            {
                var contact = Dnd.Crm.Persistence.ContactRecord.Create(account.Id, instant, "import");
                contact.Email = $"same{i}@example.com";
                contact.Tags = ["member"];
                db.Contacts.Add(contact);
                members.Add(contact.Id);
            }
            await db.SaveChangesAsync();
        }
        var listId = await CreateAsync(account, new { name = "Members", filters = new { conditions = new[] { Where("tags", "contains", "member") } } });

        var byCursor = new List<string>();
        var totals = new HashSet<int>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var url = $"/smart-lists/{listId}/contacts?pageLimit=5" + (cursor is null ? "" : $"&searchAfter={Uri.EscapeDataString(cursor)}");
            var page = await Http.JsonAsync(await account.Client.GetAsync(url));
            totals.Add(page.GetProperty("total").GetInt32());
            var contacts = page.GetProperty("contacts").EnumerateArray().ToList();
            if (contacts.Count == 0)
            {
                break;
            }
            byCursor.AddRange(contacts.Select(c => c.GetProperty("id").GetString()!));
            var last = contacts[^1].GetProperty("searchAfter").EnumerateArray().Select(v => v.GetString()).ToList();
            cursor = string.Join(",", last);
            if (pages == 0)
            {
                // A member added after the first page comes at the end, never shifting the pages before it.
                members.Add((await account.CreateContactAsync(new { email = "late@example.com", tags = new[] { "member" } })).GetProperty("id").GetString()!);
            }
        }
        var byPage = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var json = await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{listId}/contacts?page={page}&pageLimit=4"));
            byPage.AddRange(json.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }
        var repeated = await account.Client.GetAsync($"/smart-lists/{listId}/contacts?searchAfter=1&searchAfter=x&page=2");

        byCursor.Should().Equal(byCursor.Distinct()).And.BeEquivalentTo(members);
        totals.Should().BeEquivalentTo([12, 13]);
        byPage.Should().Equal(byCursor, "both walk the same order");
        (await Http.ProblemAsync(repeated, 422)).GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("page");
        (await Http.ProblemAsync(await account.Client.GetAsync($"/smart-lists/{listId}/contacts?searchAfter=abc,x"), 422))
            .GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("searchAfter[0]");
    }
}
