using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Reviews;

/// <summary>An account's own phrase lists, edited like its keyword lists: a new language, or its own version of a shipped one.</summary>
public class PhraseSettingsTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static readonly object French = new
    {
        language = "fr",
        keywords = new[] { "arret", "stop" },
        clear = new[] { "ne m'envoyez plus", "retirez-moi" },
        possible = new[] { "pas interesse" },
        notOptOut = new[] { "arret de bus" },
    };

    [Fact]
    public async Task A_language_of_the_accounts_own_reads_its_contacts_replies()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551650001" })).GetProperty("id").GetString()!;

        var saved = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { optOutPhrases = new { fr = French } }));
        await Twilio.InboundAsync(_app, account, "+15551650001", "Ne m'envoyez plus de messages SVP");

        saved.GetProperty("optOutPhrasesOverridden").EnumerateArray().Select(c => c.GetString()).Should().Equal("fr");
        saved.GetProperty("optOutPhrases").EnumerateObject().Select(p => p.Name).Should().Equal("en", "es", "fr");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        var line = (await account.LedgerAsync(id)).EnumerateArray().Single(l => l.GetProperty("verdict").GetString() == "Applied");
        line.GetProperty("explanation").GetString().Should().Contain("envoyez");
        var again = await Http.JsonAsync(await account.Client.GetAsync("/locations/dnd-settings/"));
        again.GetProperty("optOutPhrases").GetProperty("fr").GetProperty("clear").EnumerateArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task An_invalid_list_is_refused_naming_the_list_field_and_entry_and_nothing_changes()
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new
        {
            optOutPhrases = new Dictionary<string, object>
            {
                ["es"] = new { language = "es", keywords = new[] { "baja" }, clear = new[] { "no me escriban", " " }, possible = Array.Empty<string>(), notOptOut = Array.Empty<string>() },
                ["klingon language"] = French,
            },
        }), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().BeEquivalentTo("optOutPhrases.es", "optOutPhrases.klingon language");
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Contain(e => e!.StartsWith("es.clear entry 2"));
        var settings = await Http.JsonAsync(await account.Client.GetAsync("/locations/dnd-settings/"));
        settings.GetProperty("optOutPhrasesOverridden").GetArrayLength().Should().Be(0);
    }
}
