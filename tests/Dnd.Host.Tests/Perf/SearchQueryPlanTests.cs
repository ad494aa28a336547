using Dnd.Activities.Persistence;
using System.Data.Common;
using System.Text.Json;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Errors;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Perf;

/// <summary>
/// What keeps search fast at 100,000 contacts, checked on the plan rather than the clock: SQLite reads a DND-filtered
/// page as a range of its channel's (account, status, dateAdded, id) index, in index order, and stops at the page's
/// end; it never collects the matches to sort them. Timings belong to the benchmark (bench/), not to a test.
/// </summary>
public class SearchQueryPlanTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static async Task<List<string>> PlanAsync(DndDbContext db, IQueryable<ContactRecord> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        try
        {
            var plan = new List<string>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
            return plan;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<string>> SearchPlanAsync(SearchFilter[] filters, SearchCursor? after, int offset = 0)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var errors = new FieldErrors();
        var query = ContactQuery.Apply(db.Contacts.AsNoTracking().Where(c => c.AccountId == "acct-plan"), filters, "US", errors);
        errors.Any.Should().BeFalse();
        return await PlanAsync(db, ContactQuery.Page(query, after, offset, 20));
    }

    private static SearchFilter Status(string channel, string status) =>
        new($"dndSettings.{channel}.status", "eq", JsonSerializer.SerializeToElement(status));

    [Theory]
    [InlineData("SMS", "DndSms")]
    [InlineData("Email", "DndEmail")]
    [InlineData("Call", "DndCall")]
    [InlineData("WhatsApp", "DndWhatsApp")]
    [InlineData("FB", "DndFb")]
    [InlineData("GMB", "DndGmb")]
    public async Task A_dnd_filtered_page_is_a_range_of_its_channels_index_with_no_sort(string channel, string column)
    {
        var index = $"IX_Contacts_AccountId_{column}_CreatedAt_Id";

        var first = await SearchPlanAsync([Status(channel, "active")], after: null);
        var next = await SearchPlanAsync([Status(channel, "inactive")], new SearchCursor(DateTimeOffset.UtcNow, "c0a940025fb4414f8fe2"));
        var byNumber = await SearchPlanAsync([Status(channel, "permanent")], after: null, offset: 40);

        foreach (var plan in new[] { first, next, byNumber })
        {
            plan.Should().ContainSingle().Which.Should().StartWith("SEARCH").And.Contain($"USING INDEX {index} (AccountId=? AND {column}=?");
            plan.Should().NotContain(step => step.Contains("TEMP B-TREE"));
        }
        next[0].Should().Contain("CreatedAt>", "the cursor bounds the index range instead of filtering every entry");
    }

    [Theory]
    [InlineData("email", "walk@example.com", "Email")]
    [InlineData("phone", "+15551234567", "Phone")]
    public async Task An_exact_email_or_phone_search_seeks_its_address_even_with_a_dnd_filter(string field, string value, string column)
    {
        // Without the sort columns in the address index, SQLite walks the whole account in page order to skip a sort.
        var address = new SearchFilter(field, "eq", JsonSerializer.SerializeToElement(value));

        var alone = await SearchPlanAsync([address], after: null);
        var withDnd = await SearchPlanAsync([Status("SMS", "inactive"), address], new SearchCursor(DateTimeOffset.UnixEpoch, "0"));

        foreach (var plan in new[] { alone, withDnd })
        {
            plan.Should().ContainSingle().Which.Should().Contain($"USING INDEX IX_Contacts_AccountId_{column}_CreatedAt_Id (AccountId=? AND {column}=?");
            plan.Should().NotContain(step => step.Contains("TEMP B-TREE"));
        }
    }

    [Fact]
    public async Task An_unfiltered_page_reads_the_accounts_dateadded_index_in_order()
    {
        var plan = await SearchPlanAsync([], new SearchCursor(DateTimeOffset.UtcNow, "c0a940025fb4414f8fe2"));

        plan.Should().ContainSingle().Which.Should().Contain("USING INDEX IX_Contacts_AccountId_CreatedAt_Id (AccountId=? AND CreatedAt>");
        plan.Should().NotContain(step => step.Contains("TEMP B-TREE"));
    }
}
