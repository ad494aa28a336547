using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>A contact adopting a state decided elsewhere (its address's shared consent).</summary>
public class AdoptTests
{
    private static readonly ChannelDnd KeywordOptOut = new(DndStatus.Permanent, "keyword_opt_out", "Contact replied with an opt-out keyword", "inbound:SMS", DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_adopted_opt_out_keeps_its_code_and_the_contact_can_still_opt_back_in()
    {
        var contact = Rules.NewContact();

        var entry = Rules.Engine.Adopt(contact, Channel.Sms, KeywordOptOut, "address.consent +15550000001", "AddressConsentApplies", "the phone opted out");

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "keyword_opt_out" });
        entry.Should().BeEquivalentTo(new
        {
            Actor = Actor.System, Verdict = Verdict.Applied, Rule = "AddressConsentApplies", Sequence = 1L,
            Before = (DndStatus?)DndStatus.Inactive, After = (DndStatus?)DndStatus.Permanent,
        });
        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START"));
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive, "the contact can still opt back in to their own opt-out");
    }

    [Fact]
    public void Nothing_is_written_when_the_channel_already_has_that_status()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "30004"));

        var entry = Rules.Engine.Adopt(contact, Channel.Sms, KeywordOptOut, "address.consent", "AddressConsentShared", "same");

        entry.Should().BeNull();
        contact[Channel.Sms].Code.Should().Be("twilio_30004");
        contact.LastSequence.Should().Be(1, "no sequence number is spent on an adoption that did nothing");
    }

    [Fact]
    public void A_spam_lock_is_adopted_over_a_plain_unsubscribe()
    {
        var contact = Rules.With(new MailgunEvent("unsubscribed"));
        var spam = new ChannelDnd(DndStatus.Permanent, "spam_complaint", "spam", "mailgun", DateTimeOffset.UnixEpoch, SpamLock: true);

        Rules.Engine.Adopt(contact, Channel.Email, spam, "address.consent", "AddressConsentApplies", "complaint");

        contact[Channel.Email].SpamLock.Should().BeTrue();
        spam.Strength.Should().BeGreaterThan(KeywordOptOut.Strength, "a spam lock outranks any other permanent DND");
    }
}
