using Bunit;
using Dnd.Host.OperatorApp.Compliance;
using Dnd.Rules.Data;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The keyword chips: the words every account keeps cannot be removed; the account's own can.</summary>
public class KeywordListEditorTests : ComponentTest
{
    [Fact]
    public void The_mandatory_opt_out_keywords_are_fixed_chips_without_a_remove_button()
    {
        List<string>? changed = null;
        var editor = Render<KeywordListEditor>(p => p
            .Add(e => e.Label, "Opt-out keywords")
            .Add(e => e.Words, AccountSettings.DefaultOptOutKeywords.ToList())
            .Add(e => e.KeepsRequired, true)
            .Add(e => e.WordsChanged, words => changed = words));

        AccountSettings.RequiredOptOutKeywords.Should().NotBeEmpty();
        foreach (var word in AccountSettings.RequiredOptOutKeywords)
        {
            editor.FindAll($"button[aria-label='Remove {word} from Opt-out keywords']").Should().BeEmpty($"{word} always opts out");
            editor.FindAll("[data-fixed=true]").Should().Contain(c => c.TextContent.Contains(word));
        }

        editor.Find("button[aria-label='Remove REVOKE from Opt-out keywords']").Click();

        changed.Should().NotBeNull().And.NotContain("REVOKE").And.Contain(AccountSettings.RequiredOptOutKeywords);
    }

    [Fact]
    public void On_an_opt_in_list_every_word_can_be_removed()
    {
        var editor = Render<KeywordListEditor>(p => p.Add(e => e.Label, "Opt-in keywords").Add(e => e.Words, ["START", "YES"]));

        editor.FindAll("button[aria-label^='Remove ']").Should().HaveCount(2);
    }
}
