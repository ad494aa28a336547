using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;

namespace Dnd.Host.Tests.Api;

/// <summary>
/// The same filter trees on PostgreSQL, whose SQL differs where it matters: custom fields read with jsonb rather
/// than SQLite's json_each, case folding, and dates as timestamps rather than SQLite's ticks.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SmartListPostgresTests(PostgresServer postgres)
{
    private static object Where(string field, string op, object? value = null) =>
        value is null ? new { field, @operator = op } : new { field, @operator = op, value };

    [Fact]
    public async Task Filter_trees_with_custom_fields_dates_and_dnd_evaluate_and_page_on_postgres()
    {
        await using var app = new DndApp(postgres: postgres.NewDatabase());
        var account = await SmartListFilterTests.SeedAsync(app);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd");

        var active = await SmartListFilterTests.MembersAsync(account, new
        {
            match = "all",
            conditions = new[] { Where("dndAggregate", "eq", "off"), Where("tags", "contains", "CUSTOMER") },
            groups = new[] { new { match = "any", conditions = new[] { Where("tags", "contains", "vip"), Where("tags", "contains", "newsletter") } } },
        });
        var fields = await SmartListFilterTests.MembersAsync(account, new
        {
            match = "any",
            conditions = new[]
            {
                Where("customFields.plan", "eq", "GOLD"), Where("customFields.colors", "contains", "LU"), Where("customFields.score", "eq", 42),
                Where("customFields.note", "contains", "% \"off\" 'now"),
            },
        });
        async Task<string> Only(string field, string op, object? value = null) =>
            await SmartListFilterTests.MembersAsync(account, new { conditions = new[] { Where(field, op, value) } });
        var plan = await Only("customFields.plan", "eq", "GOLD");
        var notPlan = await Only("customFields.plan", "neq", "gold");
        var colors = await Only("customFields.colors", "contains", "LU");
        var score = await Only("customFields.score", "eq", "42");
        var note = await Only("customFields.note", "contains", "% \"off\" 'now");
        var anyPlan = await Only("customFields.plan", "notEmpty");
        var firstName = await Only("firstName", "eq", "ann");
        var blocked = await SmartListFilterTests.MembersAsync(account, new
        {
            conditions = new[] { Where("dnd.SMS", "eq", "blocked"), Where("dateAdded", "before", tomorrow), Where("customFields.plan", "empty") },
        });
        var listId = await SmartListFilterTests.CreateAsync(account, new { name = "All", filters = new { conditions = new[] { Where("email", "contains", "example") } } });
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Http.JsonAsync(await account.Client.GetAsync(
                $"/smart-lists/{listId}/contacts?pageLimit=4" + (cursor is null ? "" : $"&searchAfter={Uri.EscapeDataString(cursor)}")));
            page.GetProperty("total").GetInt32().Should().Be(6);
            var contacts = page.GetProperty("contacts").EnumerateArray().ToList();
            walked.AddRange(contacts.Select(c => c.GetProperty("email").GetString()!));
            cursor = contacts.Count == 0 ? null : string.Join(",", contacts[^1].GetProperty("searchAfter").EnumerateArray().Select(v => v.GetString()));
        }
        while (cursor is not null && walked.Count <= 6);

        active.Should().Be("ann,fay");
        fields.Should().Be("ann,bob,eve");
        (plan, notPlan, colors, score, note, anyPlan, firstName).Should().Be(("ann", "bob,cat,dan,eve,fay", "ann", "eve", "bob", "ann,bob", "ann"));
        blocked.Should().Be("cat,dan");
        SmartListFilterTests.Names(walked).Should().Be("ann,bob,cat,dan,eve,fay");
        walked.Should().OnlyHaveUniqueItems();
        var counted = (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/?withCounts=true"))).GetProperty("smartLists");
        counted.EnumerateArray().Single(l => l.GetProperty("id").GetString() == listId).GetProperty("count").GetInt32().Should().Be(6);
    }
}
