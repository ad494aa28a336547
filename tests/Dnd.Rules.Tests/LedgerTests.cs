using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

public class LedgerTests
{
    [Fact]
    public void Every_decision_is_appended_with_rule_event_and_explanation()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new TwilioSmsStatusEvent("failed", "30004"));
        Rules.Apply(contact, new TwilioSmsStatusEvent("delivered", null));
        Rules.Apply(contact, new UserDndChange(Channel.Sms, false, "u7"));

        contact.Ledger.Select(e => e.Sequence).Should().Equal(1, 2, 3);
        contact.Ledger[0].Should().BeEquivalentTo(new
        {
            Event = "twilio.sms-status failed ErrorCode=30004",
            Actor = Actor.Provider,
            Channel = (Channel?)Channel.Sms,
            Verdict = Verdict.Applied,
            Before = (DndStatus?)DndStatus.Inactive,
            After = (DndStatus?)DndStatus.Permanent,
            Rule = "TwilioMessageBlocked",
            PolicyRule = "StrengtheningIsAlwaysAllowed",
        });
        contact.Ledger[0].Explanation.Should().Contain("Twilio 30004").And.Contain("SMS Inactive→Permanent");
        contact.Ledger[1].Should().BeEquivalentTo(new { Verdict = Verdict.Unchanged, Channel = (Channel?)null, Rule = "NoRuleMatched" });
        contact.Ledger[2].Should().BeEquivalentTo(new { Verdict = Verdict.Denied, Actor = Actor.User, PolicyRule = "UserCannotLiftPermanent" });
        contact.Ledger[2].Event.Should().Contain("u7");
    }

    [Fact]
    public void All_channel_changes_write_one_line_per_channel()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new UserDndChange(null, true, "u1"));

        decision.Entries.Should().HaveCount(6);
        decision.Entries.Select(e => e.Channel).Should().BeEquivalentTo(ChannelNames.All.Cast<Channel?>());
        decision.Explanation.Should().Contain("UserEnablesDnd");
    }

    [Fact]
    public void Restored_contacts_continue_the_sequence()
    {
        var original = Rules.With(new MailgunEvent("complained"));
        var restored = ContactConsent.Restore(original.ContactId, original.Channels, original.Inbound, original.LastSequence);

        Rules.Apply(restored, new UserDndChange(Channel.Email, false, "u1"));

        restored.Ledger.Should().ContainSingle().Which.Sequence.Should().Be(original.LastSequence + 1);
        restored[Channel.Email].SpamLock.Should().BeTrue();
    }

    [Fact]
    public void Inbound_dnd_is_set_and_logged()
    {
        var contact = Rules.NewContact();

        var on = Rules.Engine.SetInbound(contact, true, "u1", "harassing calls");
        var again = Rules.Engine.SetInbound(contact, true, "u1");

        contact.Inbound.Should().BeEquivalentTo(new { Active = true, Message = "harassing calls" });
        on.Verdict.Should().Be(Verdict.Applied);
        again.Verdict.Should().Be(Verdict.Unchanged);
        contact.Aggregate.Should().Be(DndAggregate.Off, "inbound DND does not block outbound channels");

        Rules.Engine.SetInbound(contact, false, "u1");
        contact.Inbound.Active.Should().BeFalse();
        contact.Ledger.Should().HaveCount(3).And.OnlyContain(e => e.Rule == "UserSetsInboundDnd");
    }
}
