using Dnd.Rules.Consent;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

public class AccountDefaultsTests
{
    private const string Valid = """
        { "requiredOptOutKeywords": ["STOP"], "optOutKeywords": ["STOP", "QUIT"], "optInKeywords": ["START"],
          "keywordChannels": ["SMS"], "unsubscribeScope": "EmailOnly" }
        """;

    [Fact]
    public void The_shipped_defaults_are_what_an_account_starts_with()
    {
        AccountSettings.Default.OptOutKeywords.Should().Equal(AccountDefaults.Shipped.OptOutKeywords);
        AccountSettings.Default.OptOutKeywords.Should().Contain(["STOP", "UNSUBSCRIBE", "REVOKE"]);
        AccountSettings.Default.KeywordChannels.Should().Equal(Channel.Sms, Channel.WhatsApp, Channel.Fb);
        AccountSettings.Default.UnsubscribeScope.Should().Be(UnsubscribeScope.EmailOnly);
    }

    [Fact]
    public void A_valid_file_parses()
    {
        var defaults = AccountDefaults.Parse("d.json", Valid);

        defaults.OptOutKeywords.Should().Equal("STOP", "QUIT");
        defaults.KeywordChannels.Should().Equal(Channel.Sms);
    }

    [Theory]
    [InlineData("\"optOutKeywords\": [\"STOP\", \"QUIT\"]", "\"optOutKeywords\": [\"QUIT\"]", "d.json: optOutKeywords must include every required opt-out keyword (STOP is missing)")]
    [InlineData("\"optInKeywords\": [\"START\"]", "\"optInKeywords\": [\"QUIT\"]", "d.json: QUIT is both an opt-out and an opt-in keyword")]
    [InlineData("\"keywordChannels\": [\"SMS\"]", "\"keywordChannels\": [\"SMS\", \"Pigeon\"]", "d.json: keywordChannels entry 2: 'PIGEON' is not a channel")]
    [InlineData("\"optInKeywords\": [\"START\"]", "\"optInKeywords\": [\"STA RT\"]", "d.json: optInKeywords entry 1 must be one word")]
    [InlineData("\"EmailOnly\"", "\"Sometimes\"", "d.json: unsubscribeScope 'Sometimes' is not EmailOnly or AllChannels")]
    public void A_bad_entry_is_named(string from, string to, string error)
    {
        Valid.Should().Contain(from);

        var act = () => AccountDefaults.Parse("d.json", Valid.Replace(from, to));

        act.Should().Throw<RuleSetException>().WithMessage(error);
    }
}
