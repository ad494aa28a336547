using Dnd.Host.Tests.Infrastructure;
using Dnd.Rules.Engine;
using Dnd.Rules.Data;

namespace Dnd.Host.Tests.Api;

/// <summary>A deployment changes the rules' data (Twilio codes, Mailgun events) by dropping a JSON file in Dnd:RulesFolder, without a rebuild.</summary>
public class RuleOverrideTests
{
    private static string FolderWith(string name, string json)
    {
        var folder = TempFiles.NewFolder();
        File.WriteAllText(Path.Combine(folder, name), json);
        return folder;
    }

    [Fact]
    public async Task A_rule_file_in_the_rules_folder_replaces_the_shipped_one()
    {
        var shipped = DndRuleSet.LoadEmbeddedFiles().Single(f => f.Name == "twilio-error-codes.json").Json;
        var stricter = shipped.Replace(
            "\"change\": \"None\", \"message\": \"Carrier filtering (Twilio 30007) is a content problem, not the contact's preference\"",
            "\"change\": \"Set\", \"status\": \"Active\", \"code\": \"twilio_30007\", \"message\": \"This account pauses SMS on carrier filtering\"");
        stricter.Should().NotBe(shipped);
        await using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:RulesFolder"] = FolderWith("twilio-error-codes.json", stricter) });
        var account = await TestAccount.CreateAsync(app);
        var id = (await account.CreateContactAsync(new { phone = "+15551300001" })).GetProperty("id").GetString()!;

        await Http.EnsureAsync(await Twilio.StatusAsync(app, account, "+15551300001", "undelivered", "30007"), 200);

        (await account.GetContactAsync(id)).GetProperty("dndSettings").GetProperty("SMS").GetProperty("message").GetString()
            .Should().Be("This account pauses SMS on carrier filtering");
    }

    [Fact]
    public void A_broken_rule_file_stops_the_server_from_starting()
    {
        using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:RulesFolder"] = FolderWith("mailgun-events.json", "{\"events\": [{\"name\": \"X\", \"event\": \"complained\", \"change\": \"Unsure\", \"message\": \"m\"}]}") });

        var start = () => app.CreateClient();

        start.Should().Throw<RuleSetException>().WithMessage("mailgun-events.json: events entry 1 (X): change must be Set, Lift or None");
    }
}
