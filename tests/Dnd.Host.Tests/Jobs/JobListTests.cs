using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Jobs;

/// <summary>GET /locations/jobs: the account's jobs newest first, keyset-paged, another account's never shown, a bad page a 422.</summary>
public class JobListTests(SteppedJobs jobs) : IClassFixture<SteppedJobs>
{
    private readonly DndApp _app = jobs.App;

    [Fact]
    public async Task Jobs_are_listed_newest_first_in_pages_that_neither_repeat_nor_skip_and_only_the_accounts_own()
    {
        var account = await TestAccount.CreateAsync(_app);
        var other = await TestAccount.CreateAsync(_app);
        var ids = await BulkDnd.ContactsAsync(account, 1, "+155516201");
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add(await BulkDnd.EnqueueAsync(account, new { contactIds = ids, channels = new[] { "sms" }, action = "set" }, key: $"k{i}"));
        }
        await BulkDnd.EnqueueAsync(other, new { contactIds = await BulkDnd.ContactsAsync(other, 1, "+155516202"), channels = new[] { "sms" }, action = "set" });

        var first = await Http.JsonAsync(await account.Client.GetAsync("/locations/jobs/?limit=2"));
        var next = first.GetProperty("next").GetString()!;
        var second = await Http.JsonAsync(await account.Client.GetAsync($"/locations/jobs/?limit=2&after={next}"));
        second.GetProperty("next").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var listed = first.GetProperty("jobs").EnumerateArray().Concat(second.GetProperty("jobs").EnumerateArray()).ToList();
        listed.Select(j => j.GetProperty("id").GetString()).Should().Equal(Enumerable.Reverse(made));
        listed.Should().OnlyContain(j => j.GetProperty("kind").GetString() == "bulk-dnd" && j.GetProperty("actedBy").GetString()!.Contains(TestAccount.KeyName));

        (await Http.ProblemAsync(await account.Client.GetAsync("/locations/jobs/?limit=0"), 422)).GetProperty("fields")[0].GetString().Should().Be("limit");
        (await Http.ProblemAsync(await other.Client.GetAsync($"/locations/jobs/?after={made[0]}"), 422)).GetProperty("fields")[0].GetString()
            .Should().Be("after", "another account's job is no cursor of this one's list");
    }
}
