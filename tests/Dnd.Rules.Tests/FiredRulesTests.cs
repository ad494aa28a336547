using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>NRules fires every matching rule, highest priority first; the first decides and the ledger names them all.</summary>
public class FiredRulesTests
{
    [Fact]
    public void The_deciding_rule_is_the_first_that_fired_and_the_others_are_in_the_ledger()
    {
        var contact = Rules.With(new MailgunEvent("complained"));

        var decision = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1"));

        var judged = decision.For(Channel.Email);
        judged.PolicyRule.Should().Be("SpamLockIsNeverLifted");
        decision.Entries.Single().Explanation.Should().Contain(
            "[rules fired: SpamLockIsNeverLifted, UserCannotLiftPermanent, UserMayLiftActive, ContactOptInLiftsOnlyOptOuts]");
    }

    [Fact]
    public void A_decision_from_a_data_table_names_the_rule_that_read_it()
    {
        var decision = Rules.Apply(Rules.NewContact(), new TwilioSmsStatusEvent("undelivered", "30003"));

        decision.Classification.Rule.Should().Be("TwilioUnreachableHandset");
        decision.Classification.Fired.Should().Equal("TwilioErrorCodeListed");
        decision.Entries.Single().Explanation.Should().Contain("TwilioUnreachableHandset: Unreachable destination handset (Twilio 30003). [rules fired: TwilioErrorCodeListed]");
    }

    [Fact]
    public void A_lone_match_adds_no_trace()
    {
        var decision = Rules.Apply(Rules.NewContact(), new InboundMessageEvent(Channel.Sms, "STOP"));

        decision.Classification.Fired.Should().Equal("InboundOptOutKeyword");
        decision.Entries.Single().Explanation.Should().NotContain("rules fired");
    }
}
