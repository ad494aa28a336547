using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

public class TwilioStatusRulesTests
{
    [Theory]
    [InlineData("30003", "TwilioUnreachableHandset")]
    [InlineData("30005", "TwilioUnknownHandset")]
    [InlineData("30006", "TwilioLandlineOrUnreachableCarrier")]
    public void Temporary_failures_set_sms_active(string code, string rule)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new TwilioSmsStatusEvent("undelivered", code));

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Active, Code = $"twilio_{code}", Source = "twilio", SpamLock = false });
        decision.Classification.Rule.Should().Be(rule);
        decision.For(Channel.Sms).Verdict.Should().Be(Verdict.Applied);
        Rules.Except(Channel.Sms).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Theory]
    [InlineData("30004", "TwilioMessageBlocked")]
    [InlineData("21610", "TwilioUnsubscribedRecipient")]
    public void Blocked_and_unsubscribed_set_sms_permanent(string code, string rule)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new TwilioSmsStatusEvent("failed", code));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        contact[Channel.Sms].Code.Should().Be($"twilio_{code}");
        decision.Classification.Rule.Should().Be(rule);
    }

    [Fact]
    public void Carrier_filtering_30007_is_not_dnd_and_says_why()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new TwilioSmsStatusEvent("undelivered", "30007"));

        contact.Aggregate.Should().Be(DndAggregate.Off);
        decision.Changed.Should().BeFalse();
        decision.Entries.Should().ContainSingle().Which.Rule.Should().Be("TwilioCarrierFilteringIsNotDnd");
    }

    [Theory]
    [InlineData("delivered", null)]
    [InlineData("undelivered", "30008")]
    [InlineData("failed", " ")]
    public void Other_statuses_change_nothing(string status, string? code)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new TwilioSmsStatusEvent(status, code));

        decision.Changed.Should().BeFalse();
        decision.Classification.Rule.Should().Be("NoRuleMatched");
        contact.Ledger.Should().ContainSingle();
    }

    [Fact]
    public void Error_code_whitespace_is_ignored()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new TwilioSmsStatusEvent("undelivered", " 30004 "));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
    }

    [Fact]
    public void Temporary_failure_never_downgrades_permanent()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "30004"));

        var decision = Rules.Apply(contact, new TwilioSmsStatusEvent("failed", "30003"));

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "twilio_30004" });
        decision.For(Channel.Sms).PolicyRule.Should().Be("NeverWeakenPermanent");
    }

    [Fact]
    public void Temporary_failure_escalates_to_permanent_on_block()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "30003"));

        Rules.Apply(contact, new TwilioSmsStatusEvent("failed", "30004"));

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "twilio_30004" });
    }
}
