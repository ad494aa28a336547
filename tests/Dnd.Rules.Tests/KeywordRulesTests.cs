using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

public class KeywordRulesTests
{
    public static TheoryData<string, Channel> OptOuts()
    {
        var data = new TheoryData<string, Channel>();
        foreach (var word in new[] { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT" })
        {
            foreach (var channel in new[] { Channel.Sms, Channel.WhatsApp, Channel.Fb })
            {
                data.Add(word, channel);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OptOuts))]
    public void Opt_out_keyword_sets_permanent_on_that_channel_only(string keyword, Channel channel)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(channel, keyword));

        contact[channel].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "keyword_opt_out" });
        decision.Classification.Rule.Should().Be("InboundOptOutKeyword");
        Rules.Except(channel).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("  Stop  ")]
    [InlineData("\tsToP\n")]
    [InlineData("STOP!")]
    [InlineData("unsubscribe.")]
    public void Keywords_are_case_and_space_insensitive(string body)
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, body));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
    }

    [Theory]
    [InlineData("stopping")]
    [InlineData("stop by later")]
    [InlineData("")]
    public void Only_a_lone_keyword_counts_as_a_keyword(string body)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, body));

        decision.Changed.Should().BeFalse();
        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    // Changed with phrase detection: these were "not a lone keyword, so nothing"; the FCC rule reads them as STOP.
    [Theory]
    [InlineData("please stop")]
    [InlineData("STOP IT")]
    [InlineData("S T O P")]
    public void A_keyword_with_filler_or_spelled_out_is_a_per_se_opt_out(string body)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, body));

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = DndCodes.PhraseOptOut });
        decision.Classification.Rule.Should().Be("InboundPerSeOptOutWord");
    }

    // Changed with phrase detection: STOP by email or Google Business Messages was nothing outside keyword channels; the
    // FCC rule makes it a revocation per se on every channel that carries text. A call carries none.
    [Theory]
    [InlineData(Channel.Email, DndStatus.Permanent)]
    [InlineData(Channel.Gmb, DndStatus.Permanent)]
    [InlineData(Channel.Call, DndStatus.Inactive)]
    public void Outside_keyword_channels_a_per_se_word_still_revokes_except_on_calls(Channel channel, DndStatus expected)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(channel, "STOP"));

        contact[channel].Status.Should().Be(expected);
        Rules.Except(channel).Should().OnlyContain(c => !contact.IsBlocked(c));
        if (expected == DndStatus.Permanent)
        {
            decision.Classification.Rule.Should().Be("InboundPerSeOptOutWord");
        }
    }

    [Theory]
    [InlineData("START", Channel.Sms)]
    [InlineData("unstop", Channel.Sms)]
    [InlineData(" yes ", Channel.Sms)]
    [InlineData("START", Channel.WhatsApp)]
    [InlineData("YES", Channel.Fb)]
    public void Opt_in_keyword_lifts_the_contacts_own_opt_out(string keyword, Channel channel)
    {
        var contact = Rules.With(new InboundMessageEvent(channel, "STOP"));

        var decision = Rules.Apply(contact, new InboundMessageEvent(channel, keyword));

        contact[channel].Status.Should().Be(DndStatus.Inactive);
        decision.For(channel).PolicyRule.Should().Be("ContactOptInLiftsOwnOptOut");
    }

    [Fact]
    public void Opt_in_lifts_twilio_21610_which_is_a_stop_reply_seen_by_the_carrier()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "21610"));

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START"));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void Opt_in_lifts_the_contacts_own_30004_block_but_not_a_users_dnd()
    {
        var blocked = Rules.With(new TwilioSmsStatusEvent("failed", "30004"));
        var userSet = Rules.With(new UserDndChange(Channel.WhatsApp, true, "u1"));

        var onBlocked = Rules.Apply(blocked, new InboundMessageEvent(Channel.Sms, "START"));
        var onUserSet = Rules.Apply(userSet, new InboundMessageEvent(Channel.WhatsApp, "START"));

        // 30004: the recipient blocked the sender, their own opt-out, which their START lifts.
        blocked[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
        onBlocked.For(Channel.Sms).PolicyRule.Should().Be("ContactOptInLiftsOwnOptOut");
        userSet[Channel.WhatsApp].Status.Should().Be(DndStatus.Active);
        onUserSet.For(Channel.WhatsApp).PolicyRule.Should().Be("ContactOptInLiftsOnlyOptOuts");
    }

    [Fact]
    public void Keyword_lists_and_channels_are_per_account()
    {
        var settings = AccountSettings.Default with
        {
            OptOutKeywords = ["arret", "Halt"],
            OptInKeywords = ["reprendre"],
            KeywordChannels = [Channel.Sms],
        };
        var contact = Rules.NewContact();
        var revoked = Rules.NewContact();

        // Changed with phrase detection: REVOKE is not in this account's list, but the FCC rule makes it a revocation per se.
        var revoke = Rules.Apply(revoked, new InboundMessageEvent(Channel.Sms, "REVOKE"), settings);
        revoke.Classification.Rule.Should().Be("InboundPerSeOptOutWord");
        revoked[Channel.Sms].Code.Should().Be(DndCodes.PhraseOptOut);

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "Halte"), settings);
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive, "HALTE is not in this account's list");

        Rules.Apply(contact, new InboundMessageEvent(Channel.WhatsApp, "ARRET"), settings);
        contact[Channel.WhatsApp].Status.Should().Be(DndStatus.Inactive, "WhatsApp is not a keyword channel here");

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "Arrêt".Replace("ê", "e")), settings);
        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START"), settings);
        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent, "START is not this account's opt-in word");

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "Reprendre"), settings);
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stopall")]
    [InlineData("Unsubscribe")]
    [InlineData("CANCEL")]
    [InlineData("end")]
    [InlineData("QUIT!")]
    public void The_required_opt_out_words_work_whatever_the_account_configured(string word)
    {
        var settings = AccountSettings.Default with { OptOutKeywords = ["arret"], OptInKeywords = ["STOP", "reprendre"] };
        var contact = Rules.NewContact();

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, word), settings);

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        settings.OptOutKeywords.Should().Contain(AccountSettings.RequiredOptOutKeywords).And.Contain("arret");
        settings.OptInKeywords.Should().Equal("reprendre");
    }
}
