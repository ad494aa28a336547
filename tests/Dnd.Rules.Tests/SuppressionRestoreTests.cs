using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

public class SuppressionRestoreTests
{
    private static readonly ChannelDnd KeywordOptOut = new(DndStatus.Permanent, "keyword_opt_out", "Contact replied with an opt-out keyword", "inbound:SMS", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_remembered_opt_out_is_restored_with_its_original_code()
    {
        var contact = Rules.NewContact();

        var entry = Rules.Engine.RestoreSuppressed(contact, Channel.Sms, KeywordOptOut, "+15550000001");

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "keyword_opt_out", Source = "suppression-list" });
        entry.Should().BeEquivalentTo(new { Actor = Actor.System, Verdict = Verdict.Applied, Rule = "SuppressionListRestoresDnd", Sequence = 1L });
        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START"));
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive, "the contact can still opt back in to their own opt-out");
    }

    [Fact]
    public void Nothing_is_written_when_the_channel_is_already_as_strict()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "30004"));

        var entry = Rules.Engine.RestoreSuppressed(contact, Channel.Sms, KeywordOptOut, "+15550000001");

        entry.Should().BeNull();
        contact[Channel.Sms].Code.Should().Be("twilio_30004");
        contact.LastSequence.Should().Be(1, "no sequence number is spent on a restore that did nothing");
    }

    [Fact]
    public void A_remembered_spam_lock_upgrades_a_plain_unsubscribe()
    {
        var contact = Rules.With(new MailgunEvent("unsubscribed"));
        var spam = new ChannelDnd(DndStatus.Permanent, "spam_complaint", "spam", "mailgun", DateTimeOffset.UnixEpoch, SpamLock: true);

        Rules.Engine.RestoreSuppressed(contact, Channel.Email, spam, "a@example.com");

        contact[Channel.Email].SpamLock.Should().BeTrue();
    }
}
