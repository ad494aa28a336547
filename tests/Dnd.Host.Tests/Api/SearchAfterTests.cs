using Dnd.Activities.Persistence;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dnd.Host.Tests.HighLevel;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Api;

/// <summary>HighLevel's searchAfter cursor: each contact's place in the search order, sent back for the page after it.</summary>
public class SearchAfterTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static readonly object SmsActive = new { field = "dndSettings.SMS.status", @operator = "eq", value = "active" };

    private sealed record Page(List<(decimal SortValue, string Id)> Contacts, int Total);

    private static async Task<Page> SearchAsync(TestAccount account, object body)
    {
        var response = await account.Client.PostAsJsonAsync("/contacts/search", body);
        await Http.EnsureAsync(response, 200);
        var json = await Http.JsonAsync(response);
        var contacts = json.GetProperty("contacts").EnumerateArray().Select(c =>
        {
            var after = c.GetProperty("searchAfter").EnumerateArray().Select(e => e.GetString()!).ToList();
            after.Should().HaveCount(2);
            after[1].Should().Be(c.GetProperty("id").GetString(), "a contact's cursor names the contact");
            return (decimal.Parse(after[0], CultureInfo.InvariantCulture), after[1]);
        }).ToList();
        return new Page(contacts, json.GetProperty("total").GetInt32());
    }

    /// <summary>Pages from the cursor (or the start) until a page comes back empty; returns the contacts in order and the last cursor.</summary>
    internal static async Task<(List<(decimal SortValue, string Id)> Seen, object[]? Cursor)> WalkAsync(TestAccount account, object[] filters, object[]? from,
        int pageLimit, Func<Task>? betweenPages = null)
    {
        var seen = new List<(decimal SortValue, string Id)>();
        var cursor = from;
        // A cursor that lets its own contact through would page forever; fail instead of hanging.
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await SearchAsync(account, cursor is null ? new { pageLimit, filters } : new { pageLimit, filters, searchAfter = cursor });
            page.Contacts.Count.Should().BeLessThanOrEqualTo(pageLimit);
            page.Contacts.Select(c => c.Id).Should().NotContain(cursor?[1] as string, "a page starts after the cursor's contact");
            if (page.Contacts.Count == 0)
            {
                return (seen, cursor);
            }
            seen.AddRange(page.Contacts);
            var last = page.Contacts[^1];
            cursor = [last.SortValue.ToString(CultureInfo.InvariantCulture), last.Id];
            if (betweenPages is not null)
            {
                await betweenPages();
            }
        }
        throw new Xunit.Sdk.XunitException("The walk did not reach an empty page in 1,000 pages.");
    }

    internal static void ShouldBeInSearchOrderOnce(List<(decimal SortValue, string Id)> seen)
    {
        seen.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        for (var i = 1; i < seen.Count; i++)
        {
            var (previous, current) = (seen[i - 1], seen[i]);
            (current.SortValue > previous.SortValue || current.SortValue == previous.SortValue && string.CompareOrdinal(current.Id, previous.Id) > 0)
                .Should().BeTrue($"contact {i} ({current}) comes after contact {i - 1} ({previous}) in dateAdded, id order");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SearchAfter_walks_every_page_without_gaps_or_repeats_while_contacts_are_added(bool smsActiveOnly)
    {
        var account = await TestAccount.CreateAsync(_app);
        var matching = new List<string>();
        var added = 0;
        async Task AddAsync()
        {
            var n = Interlocked.Increment(ref added);
            var optedOut = n % 2 == 0;
            var contact = await account.CreateContactAsync(optedOut
                ? new { email = $"walk{n}@example.com", dndSettings = new { SMS = new { status = "active" } } }
                : (object)new { email = $"walk{n}@example.com" });
            if (optedOut || !smsActiveOnly)
            {
                lock (matching)
                {
                    matching.Add(contact.GetProperty("id").GetString()!);
                }
            }
        }
        for (var i = 0; i < 30; i++)
        {
            await AddAsync();
        }
        var before = matching.ToList();
        object[] filters = smsActiveOnly ? [SmsActive] : [];

        // Between pages another client keeps adding contacts, two at a time, in parallel with the next page's read.
        var adding = new List<Task>();
        var (walked, cursor) = await WalkAsync(account, filters, from: null, pageLimit: 4, betweenPages: () =>
        {
            adding.Add(Task.WhenAll(AddAsync(), AddAsync()));
            return Task.CompletedTask;
        });
        await Task.WhenAll(adding);
        // Resuming from the last cursor finds exactly the contacts added after the walk passed the end.
        var (rest, _) = await WalkAsync(account, filters, cursor, pageLimit: 4);
        var all = walked.Concat(rest).ToList();

        walked.Select(c => c.Id).Should().Contain(before, "every contact that existed when the walk began is on some page");
        ShouldBeInSearchOrderOnce(all);
        all.Select(c => c.Id).Should().BeEquivalentTo(matching, "the walk and its resumption together hold every matching contact once");
        var everything = await SearchAsync(account, new { pageLimit = 500, filters });
        everything.Contacts.Should().Equal(all, "cursor paging and page numbers agree on the order");
        everything.Total.Should().Be(matching.Count);
    }

    [Fact]
    public async Task Contacts_added_in_the_same_instant_are_ordered_by_id_and_none_is_skipped()
    {
        var account = await TestAccount.CreateAsync(_app);
        var instant = DateTimeOffset.UtcNow;
        using (var scope = _app.Services.CreateScope())
        {
            // An import writes many contacts within one tick of the database's clock; only the id tells them apart.
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            for (var i = 0; i < 10; i++)
            {
                var contact = ContactRecord.Create(account.Id, instant, "import");
                contact.Email = $"same{i}@example.com";
                db.Contacts.Add(contact);
            }
            await db.SaveChangesAsync();
        }

        var (walked, _) = await WalkAsync(account, [], from: null, pageLimit: 3);

        walked.Should().HaveCount(10);
        walked.Select(c => c.SortValue).Distinct().Should().ContainSingle();
        ShouldBeInSearchOrderOnce(walked);
    }

    [Fact]
    public async Task The_sort_value_may_come_back_as_a_number()
    {
        var account = await TestAccount.CreateAsync(_app);
        for (var i = 0; i < 3; i++)
        {
            await account.CreateContactAsync(new { email = $"n{i}@example.com" });
        }
        var first = await SearchAsync(account, new { pageLimit = 1 });
        var (sortValue, id) = first.Contacts[0];

        var body = $$"""{ "locationId": "{{account.Id}}", "pageLimit": 1, "searchAfter": [{{sortValue.ToString(CultureInfo.InvariantCulture)}}, "{{id}}"] }""";
        HighLevelSchema.Errors("SearchBodyV2DTO", JsonDocument.Parse(body).RootElement).Should().BeEmpty("the request is HighLevel's");
        var asNumber = await account.Client.PostAsync("/contacts/search", new StringContent(body, Encoding.UTF8, "application/json"));
        var asString = await SearchAsync(account, new { pageLimit = 1, searchAfter = new[] { sortValue.ToString(CultureInfo.InvariantCulture), id } });
        var fromTheEpoch = await SearchAsync(account, new { pageLimit = 10, searchAfter = new[] { "0", id } });

        var page = await Http.JsonAsync(asNumber);
        page.ShouldMatch("SearchContactsResponse", "a page after a cursor");
        var second = page.GetProperty("contacts")[0].GetProperty("id").GetString();
        second.Should().Be(asString.Contacts[0].Id).And.NotBe(id);
        fromTheEpoch.Contacts.Should().HaveCount(3);
        fromTheEpoch.Total.Should().Be(3);
    }

    [Theory]
    [InlineData("""{ "searchAfter": null }""", "searchAfter")]
    [InlineData("""{ "searchAfter": ["1718811486151"] }""", "searchAfter")]
    [InlineData("""{ "searchAfter": ["1718811486151", "a", "b"] }""", "searchAfter")]
    [InlineData("""{ "searchAfter": ["yesterday", "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": ["", "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": [true, "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": [null, "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": ["1718811486151.00001", "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": ["99999999999999999999", "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": [1e40, "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": ["-62135596800001", "abc"] }""", "searchAfter[0]")]
    [InlineData("""{ "searchAfter": ["1718811486151", 5] }""", "searchAfter[1]")]
    [InlineData("""{ "searchAfter": ["1718811486151", ""] }""", "searchAfter[1]")]
    [InlineData("""{ "searchAfter": ["1718811486151", null] }""", "searchAfter[1]")]
    [InlineData("""{ "searchAfter": ["1718811486151", "abc"], "page": 2 }""", "page")]
    [InlineData("""{ "searchAfter": ["1718811486151", "abc"], "pageLimit": 501 }""", "pageLimit")]
    public async Task A_bad_searchAfter_is_refused_naming_it(string body, string field)
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PostAsync("/contacts/search", new StringContent(body, Encoding.UTF8, "application/json")), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal(field);
        problem.GetProperty("errors").EnumerateArray().Should().Contain(e => e.GetString()!.StartsWith(field));
    }

    [Fact]
    public async Task A_searchAfter_that_is_not_an_array_is_a_400_naming_its_path()
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PostAsync("/contacts/search",
            new StringContent("""{ "searchAfter": "1718811486151,abc" }""", Encoding.UTF8, "application/json")), 400);

        problem.GetProperty("detail").GetString().Should().Contain("searchAfter");
    }
}
