using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>WhatsApp statuses' error codes, decided by meta-error-codes.json as Twilio's are by its table.</summary>
public class MetaStatusRulesTests
{
    private static readonly ConsentProof Proof = new(ConsentMethod.Written, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "signed form #2207", "u1");

    [Fact]
    public void Marketing_stopped_131050_is_the_contacts_permanent_WhatsApp_opt_out_and_nothing_else()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new WhatsAppStatusEvent("failed", "131050"));

        contact[Channel.WhatsApp].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = DndCodes.Meta131050, Source = "meta", SpamLock = false });
        decision.Classification.Rule.Should().Be("WhatsAppMarketingStopped");
        decision.Classification.Fired.Should().Equal("MetaErrorCodeListed");
        decision.For(Channel.WhatsApp).Verdict.Should().Be(Verdict.Applied);
        contact.Ledger.Should().ContainSingle().Which.Explanation.Should().Contain("Meta 131050").And.Contain("per channel");
        Rules.Except(Channel.WhatsApp).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Fact]
    public void Undeliverable_131026_is_temporary_WhatsApp_dnd_like_twilios_30006()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new WhatsAppStatusEvent("failed", " 131026 "));

        contact[Channel.WhatsApp].Should().BeEquivalentTo(new { Status = DndStatus.Active, Code = "meta_131026" });
        decision.Classification.Rule.Should().Be("WhatsAppUndeliverable");
        Rules.Apply(contact, new UserDndChange(Channel.WhatsApp, false, "u1")).For(Channel.WhatsApp).PolicyRule.Should().Be("UserMayLiftActive");
    }

    [Theory]
    [InlineData("131047", "WhatsAppWindowClosedIsNotDnd")]
    [InlineData("131049", "WhatsAppEngagementLimitIsNotDnd")]
    [InlineData("131000", "NoRuleMatched")]
    [InlineData("", "NoRuleMatched")]
    public void Window_limits_and_unknown_codes_change_nothing(string code, string rule)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new WhatsAppStatusEvent("failed", code));

        decision.Changed.Should().BeFalse();
        decision.Classification.Rule.Should().Be(rule);
        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    [Fact]
    public void A_twilio_code_means_nothing_to_meta_and_a_meta_code_nothing_to_twilio()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new WhatsAppStatusEvent("failed", "21610"));
        Rules.Apply(contact, new TwilioSmsStatusEvent("failed", "131050"));

        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    [Fact]
    public void The_contacts_START_on_WhatsApp_lifts_131050_a_user_needs_proof_and_a_workflow_cannot()
    {
        var contact = Rules.With(new WhatsAppStatusEvent("failed", "131050"));

        var byUser = Rules.Apply(contact, new UserDndChange(Channel.WhatsApp, false, "u1"));
        var byWorkflow = Rules.Apply(contact, new UserDndChange(Channel.WhatsApp, false, "wf", ByWorkflow: true));
        var bySmsStart = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START"));
        contact[Channel.WhatsApp].Status.Should().Be(DndStatus.Permanent);
        byUser.For(Channel.WhatsApp).PolicyRule.Should().Be("UserCannotLiftPermanent");
        byWorkflow.For(Channel.WhatsApp).Verdict.Should().Be(Verdict.Denied);
        bySmsStart.Outcomes.Should().NotContain(o => o.Channel == Channel.WhatsApp && o.Verdict == Verdict.Applied);

        var byContact = Rules.Apply(contact, new InboundMessageEvent(Channel.WhatsApp, "START"));
        contact[Channel.WhatsApp].Status.Should().Be(DndStatus.Inactive);
        byContact.For(Channel.WhatsApp).PolicyRule.Should().Be("ContactOptInLiftsOwnOptOut");

        var again = Rules.With(new WhatsAppStatusEvent("failed", "131050"));
        Rules.Apply(again, new UserDndChange(Channel.WhatsApp, false, "u1", ConsentProof: Proof)).For(Channel.WhatsApp).PolicyRule.Should().Be("UserLiftsPermanentWithProof");
        again[Channel.WhatsApp].Status.Should().Be(DndStatus.Inactive);
    }
}
