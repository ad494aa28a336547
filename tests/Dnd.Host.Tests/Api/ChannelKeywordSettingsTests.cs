using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>An account gives SMS, WhatsApp or Messenger keyword lists of their own, in any language and of several words.</summary>
public class ChannelKeywordSettingsTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task A_whatsapp_list_of_its_own_opts_out_in_spanish_while_sms_keeps_the_accounts_words()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550890001" })).GetProperty("id").GetString()!;

        var saved = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/",
            new { channelKeywords = new Dictionary<string, object> { ["WhatsApp"] = new { optOut = new[] { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "Sin promociones", "baja" }, optIn = new[] { "alta" } } } }));
        saved.GetProperty("channelKeywords").GetProperty("WhatsApp").GetProperty("optOut").EnumerateArray().Select(w => w.GetString()).Should().Contain("Sin promociones");

        // "No más" would not do here: it is a Spanish opt-out the law's floor reads on every channel.
        await Twilio.InboundAsync(_app, account, "+15550890001", "sin promociones");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive", "SIN PROMOCIONES is WhatsApp's word only");
        await Twilio.InboundAsync(_app, account, "whatsapp:+15550890001", "¡SIN PROMOCIONES!");
        (await account.DndStatusAsync(id, "WhatsApp")).Should().Be("permanent");
        await Twilio.InboundAsync(_app, account, "whatsapp:+15550890001", "Alta");
        (await account.DndStatusAsync(id, "WhatsApp")).Should().Be("inactive");

        var cleared = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { channelKeywords = new { } }));
        cleared.GetProperty("channelKeywords").EnumerateObject().Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "channelKeywords": { "Email": { "optOut": ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"] } } }""", "channelKeywords.Email")]
    [InlineData("""{ "channelKeywords": { "WhatsApp": { "optOut": ["baja"] } } }""", "channelKeywords.WhatsApp.optOut must keep STOP")]
    [InlineData("""{ "channelKeywords": { "FB": { "optOut": ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"], "optIn": ["quit"] } } }""", "channelKeywords.FB.optIn cannot contain QUIT")]
    [InlineData("""{ "channelKeywords": { "SMS": { "optOut": ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "!!"] } } }""", "has no letters or digits")]
    public async Task A_bad_channel_list_is_refused_naming_it_and_changes_nothing(string body, string expected)
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await account.Client.PutAsync("/locations/dnd-settings/",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")), 422);

        string.Join(" | ", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString())).Should().Contain(expected);
        (await Http.JsonAsync(await account.Client.GetAsync("/locations/dnd-settings/"))).GetProperty("channelKeywords").EnumerateObject().Should().BeEmpty();
    }
}
