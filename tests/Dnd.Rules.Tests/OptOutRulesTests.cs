using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Rules.Facts;

namespace Dnd.Rules.Tests;

/// <summary>Opt-outs in the contact's own words through the engine: clear, possible, or nothing, each with its rule.</summary>
public class OptOutRulesTests
{
    private static ConsentDecision Reply(ContactConsent contact, string body, Channel channel = Channel.Sms, bool inReply = false,
        AccountSettings? settings = null) =>
        Rules.Apply(contact, new InboundMessageEvent(channel, body) { InReplyToUs = inReply }, settings);

    // Every sentence the issue names as not an opt-out.
    [Theory]
    [InlineData("I can't stop laughing")]
    [InlineData("cancel my appointment for Tuesday")]
    [InlineData("see you at the end of the day")]
    [InlineData("don't stop sending the deals")]
    [InlineData("stop by the office tomorrow")]
    [InlineData("the end")]
    [InlineData("quit my job lol")]
    [InlineData("step")]
    [InlineData("shop")]
    [InlineData("top")]
    [InlineData("no sé")]
    [InlineData("alto y delgado")]
    public void Sentences_that_merely_contain_a_keyword_are_not_opt_outs(string body)
    {
        foreach (var inReply in new[] { false, true })
        {
            var contact = Rules.NewContact();

            var decision = Reply(contact, body, inReply: inReply);

            decision.Classification.Kind.Should().Be(ChangeKind.None, $"\"{body}\" (in reply: {inReply}) is an everyday reply");
            contact.Aggregate.Should().Be(DndAggregate.Off);
        }
    }

    [Theory]
    [InlineData("Stop texting me please", "InboundClearOptOutPhrase", "'stop texting' (English)")]
    [InlineData("remove me from your list", "InboundClearOptOutPhrase", "'remove me' (English)")]
    [InlineData("cancel my appointment and stop texting me", "InboundClearOptOutPhrase", "'stop texting' (English)")]
    [InlineData("Stop!! 🛑", "InboundPerSeOptOutWord", "'stop' (English)")]
    [InlineData("unsuscribe", "InboundPerSeOptOutWord", "'unsubscribe' (English)")]
    [InlineData("No me envíes más mensajes", "InboundClearOptOutPhrase", "'no me envies mas' (Spanish)")]
    [InlineData("Dejen de escribirme", "InboundClearOptOutPhrase", "'dejen de escribirme' (Spanish)")]
    [InlineData("¡No más!", "InboundPerSeOptOutWord", "'no mas' (Spanish)")]
    [InlineData("BAJA por favor", "InboundPerSeOptOutWord", "'baja' (Spanish)")]
    public void A_clear_opt_out_is_permanent_dnd_on_that_channel_saying_what_matched(string body, string rule, string quoted)
    {
        var contact = Rules.NewContact();

        var decision = Reply(contact, body, Channel.WhatsApp);

        decision.Classification.Rule.Should().Be(rule);
        decision.Classification.Message.Should().Contain(quoted);
        contact[Channel.WhatsApp].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = DndCodes.PhraseOptOut });
        Rules.Except(Channel.WhatsApp).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Theory]
    [InlineData(Channel.Sms)]
    [InlineData(Channel.WhatsApp)]
    [InlineData(Channel.Fb)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Gmb)]
    public void A_clear_phrase_revokes_on_every_text_channel_whatever_the_keyword_channels(Channel channel)
    {
        var settings = AccountSettings.Default with { KeywordChannels = [] };
        var contact = Rules.NewContact();

        Reply(contact, "please stop texting me", channel, settings: settings);

        contact[channel].Status.Should().Be(DndStatus.Permanent);
    }

    [Fact]
    public void Nothing_is_read_on_a_call()
    {
        var contact = Rules.NewContact();

        var decision = Reply(contact, "stop calling me", Channel.Call);

        decision.Classification.Kind.Should().Be(ChangeKind.None);
        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    [Fact]
    public void A_clear_opt_out_adds_the_accounts_revocation_scope()
    {
        var settings = AccountSettings.Default with { RevocationScope = [Channel.WhatsApp, Channel.Call] };
        var contact = Rules.NewContact();

        Reply(contact, "stop texting me", settings: settings);

        new[] { Channel.Sms, Channel.WhatsApp, Channel.Call }.Should().OnlyContain(c => contact[c].Status == DndStatus.Permanent);
        contact[Channel.Email].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void A_lone_keyword_on_a_keyword_channel_is_still_the_keyword_rule()
    {
        var contact = Rules.NewContact();

        var decision = Reply(contact, "STOP");

        decision.Classification.Rule.Should().Be("InboundOptOutKeyword");
        contact[Channel.Sms].Code.Should().Be(DndCodes.KeywordOptOut);
    }

    [Theory]
    [InlineData("not interested", "InboundPossibleOptOutPhrase")]
    [InlineData("Wrong number", "InboundPossibleOptOutPhrase")]
    [InlineData("No me interesa", "InboundPossibleOptOutPhrase")]
    [InlineData("I quit", "InboundOptOutWordInSentence")]
    [InlineData("ok whatever, you can cancel", "InboundOptOutWordInSentence")]
    public void A_possible_opt_out_is_queued_for_review_and_changes_nothing(string body, string rule)
    {
        var contact = Rules.NewContact();

        var decision = Reply(contact, body);

        decision.Classification.Should().BeEquivalentTo(new { Rule = rule, Kind = ChangeKind.Review, Code = DndCodes.PossibleOptOut });
        decision.Changed.Should().BeFalse();
        decision.Outcomes.Should().ContainSingle().Which.PolicyRule.Should().Be(ConsentEngine.QueuedForReviewRule);
        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    [Theory]
    [InlineData("No")]
    [InlineData("No more")]
    [InlineData("Enough!")]
    [InlineData("nope")]
    [InlineData("no, thanks")]
    [InlineData("Basta")]
    public void A_bare_refusal_is_a_possible_opt_out_only_in_reply_to_our_message(string body)
    {
        var inReply = Reply(Rules.NewContact(), body, inReply: true);
        var unprompted = Reply(Rules.NewContact(), body, inReply: false);

        inReply.Classification.Should().BeEquivalentTo(new { Rule = "InboundRefusalInReplyToUs", Kind = ChangeKind.Review });
        unprompted.Classification.Kind.Should().Be(ChangeKind.None);
        AccountSettings.Default.ReadOptOut(body).NeedsContext.Should().BeTrue("the receiver must look the conversation up for this one");
    }

    [Theory]
    [InlineData("stop texting me")]
    [InlineData("not interested")]
    [InlineData("see you at 5")]
    public void Other_wording_does_not_depend_on_the_conversation(string body)
    {
        var inReply = Reply(Rules.NewContact(), body, inReply: true);
        var unprompted = Reply(Rules.NewContact(), body, inReply: false);

        AccountSettings.Default.ReadOptOut(body).NeedsContext.Should().BeFalse();
        inReply.Classification.Rule.Should().Be(unprompted.Classification.Rule);
    }

    [Fact]
    public void Twilio_advanced_opt_out_still_outranks_the_wording()
    {
        var stop = Reply(Rules.NewContact(), "hello there");
        var reported = Rules.Apply(Rules.NewContact(), new InboundMessageEvent(Channel.Sms, "not interested", "STOP"));
        var help = Rules.Apply(Rules.NewContact(), new InboundMessageEvent(Channel.Sms, "stop texting me", "HELP"));

        stop.Classification.Kind.Should().Be(ChangeKind.None);
        reported.Classification.Rule.Should().Be("TwilioAdvancedOptOutStop");
        help.Classification.Rule.Should().Be("TwilioAdvancedOptOutHelp");
    }

    [Fact]
    public void Facts_hold_the_phrase_not_the_body_so_equal_wordings_share_a_memo_entry()
    {
        var a = InboundMessageFacts.From(new InboundMessageEvent(Channel.Sms, "please stop texting me!!"), AccountSettings.Default);
        var b = InboundMessageFacts.From(new InboundMessageEvent(Channel.Sms, "STOP TEXTING ME") { InReplyToUs = true }, AccountSettings.Default);

        a.Should().Be(b);
        a.OptOut.Should().Be(new OptOutReading(OptOutSignal.Clear, "stop texting", "en"));
    }
}
