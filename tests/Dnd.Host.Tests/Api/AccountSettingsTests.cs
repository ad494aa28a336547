using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>The account's keyword lists may grow, in any language, but never lose the opt-out floor.</summary>
public class AccountSettingsTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Theory]
    [InlineData("STOP")]
    [InlineData("QUIT")]
    [InlineData("UNSUBSCRIBE")]
    public async Task Removing_a_required_opt_out_keyword_is_refused_naming_it_and_changes_nothing(string removed)
    {
        var account = await TestAccount.CreateAsync(_app);
        var keywords = new[] { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET" }.Where(k => k != removed).ToArray();

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { optOutKeywords = keywords }), 422);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().ContainSingle(e => e!.Contains(removed));
        var settings = await Http.JsonAsync(await account.Client.GetAsync("/locations/dnd-settings/"));
        settings.GetProperty("optOutKeywords").EnumerateArray().Select(k => k.GetString()).Should().Contain(removed).And.NotContain("ARRET");
    }

    [Fact]
    public async Task Stop_cannot_be_made_an_opt_in_word()
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { optInKeywords = new[] { "start", "stop" } }), 422);

        problem.GetProperty("errors")[0].GetString().Should().Contain("STOP");
    }

    [Fact]
    public async Task Added_keywords_in_any_language_opt_out_alongside_the_floor()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/",
            new { optOutKeywords = new[] { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRÊT", "BASTA" } }), 200);
        var one = (await account.CreateContactAsync(new { phone = "+15551600001" })).GetProperty("id").GetString()!;
        var two = (await account.CreateContactAsync(new { phone = "+15551600002" })).GetProperty("id").GetString()!;

        await Twilio.InboundAsync(_app, account, "+15551600001", "arrêt");
        await Twilio.InboundAsync(_app, account, "+15551600002", "end");

        (await account.DndStatusAsync(one, "SMS")).Should().Be("permanent");
        (await account.DndStatusAsync(two, "SMS")).Should().Be("permanent");
    }
}
