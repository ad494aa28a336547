using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>NRules fires every matching rule, highest priority first; the first decides and the ledger line lists them all.</summary>
public class FiredRulesTests
{
    [Fact]
    public void The_deciding_rule_is_the_first_that_fired_and_the_line_lists_every_one()
    {
        var contact = Rules.With(new MailgunEvent("complained"));

        var decision = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1"));

        var line = decision.Entries.Single();
        line.PolicyRule.Should().Be("SpamLockIsNeverLifted");
        line.FiredRules.Should().Equal("UserDisablesDnd",
            "SpamLockIsNeverLifted", "UserCannotLiftPermanent", "UserMayLiftActive", "ContactOptInLiftsOnlyOptOuts");
    }

    [Fact]
    public void A_decision_from_a_data_table_names_the_rule_that_read_it()
    {
        var decision = Rules.Apply(Rules.NewContact(), new TwilioSmsStatusEvent("undelivered", "30003"));

        decision.Classification.Rule.Should().Be("TwilioUnreachableHandset");
        decision.Entries.Single().FiredRules.Should().Equal("TwilioErrorCodeListed", "StrengtheningIsAlwaysAllowed");
    }

    [Fact]
    public void A_line_no_rule_decided_lists_none()
    {
        var decision = Rules.Apply(Rules.NewContact(), new TwilioSmsStatusEvent("delivered", null));

        decision.Entries.Single().Rule.Should().Be("NoRuleMatched");
        decision.Entries.Single().FiredRules.Should().BeEmpty();
    }
}
