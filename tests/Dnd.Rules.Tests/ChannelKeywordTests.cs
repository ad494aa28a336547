using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>Keywords per channel, several words or another language, matched on the whole message whatever its case and accents.</summary>
public class ChannelKeywordTests
{
    [Theory]
    [InlineData("  stop ", "STOP")]
    [InlineData("Stop!", "STOP")]
    [InlineData("¡No  más!", "NO MAS")]
    [InlineData("arrêt", "ARRET")]
    [InlineData("STOP ALL", "STOP ALL")]
    [InlineData("please stop texting me", "PLEASE STOP TEXTING ME")]
    [InlineData("...", "")]
    public void A_message_is_read_whole_trimmed_with_spaces_squeezed_accents_dropped_and_upper_cased(string body, string read)
    {
        KeywordNormalizer.Normalize(body).Should().Be(read);
    }

    private static readonly AccountSettings Spanish = AccountSettings.Default with
    {
        ChannelKeywords = new Dictionary<Channel, KeywordLists>
        {
            [Channel.WhatsApp] = new(["BAJA", "No más"], ["alta"]),
        },
    };

    [Theory]
    [InlineData("baja")]
    [InlineData("no mas")]
    [InlineData("NO MÁS.")]
    [InlineData("STOP")]
    public void A_channels_own_list_opts_out_there_with_the_required_words_always_among_it(string body)
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new InboundMessageEvent(Channel.WhatsApp, body), Spanish);

        contact[Channel.WhatsApp].Status.Should().Be(DndStatus.Permanent);
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void Other_channels_keep_the_accounts_list_and_a_channels_opt_in_lifts_only_there()
    {
        var contact = Rules.NewContact();

        var sms = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "baja"), Spanish);
        // Changed with phrase detection: BAJA is WhatsApp's keyword, not SMS's, yet a Spanish per-se opt-out word everywhere.
        sms.Classification.Rule.Should().Be("InboundPerSeOptOutWord", "BAJA is WhatsApp's keyword, not SMS's");
        contact[Channel.Sms].Code.Should().Be(DndCodes.PhraseOptOut);

        Rules.Apply(contact, new InboundMessageEvent(Channel.WhatsApp, "baja"), Spanish);
        Rules.Apply(contact, new InboundMessageEvent(Channel.WhatsApp, "START"), Spanish);
        contact[Channel.WhatsApp].Status.Should().Be(DndStatus.Permanent, "START is not WhatsApp's opt-in here; ALTA is");
        Rules.Apply(contact, new InboundMessageEvent(Channel.WhatsApp, "Alta"), Spanish);
        contact[Channel.WhatsApp].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void A_required_word_cannot_be_an_opt_in_nor_left_off_a_channels_list()
    {
        var lists = new KeywordLists(["baja"], ["STOP", "alta"]);

        lists.OptOut.Should().Contain(AccountSettings.RequiredOptOutKeywords);
        lists.OptIn.Should().Equal("alta");
    }
}
