using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

/// <summary>How the opt-out reader reads words: case, accents, punctuation, emoji, held-down letters and misspellings.</summary>
public class OptOutNormalizerTests
{
    private static readonly OptOutMatcher Reader = OptOutMatcher.Shipped;

    [Theory]
    [InlineData("STOP", "stop")]
    [InlineData("  Stop!!! ", "stop |")]
    [InlineData("¡No  MÁS!", "no mas |")]
    [InlineData("Don’t text me", "dont text me")]
    [InlineData("stop 🛑", "stop 🛑")]
    [InlineData("✋⛔🚫🙅‍♀️ stop", "🛑 🛑 🛑 🛑 stop")]
    [InlineData("stop 😂👍", "stop")]
    [InlineData("S T O P", "stop")]
    [InlineData("s.t.o.p", "stop")]
    [InlineData("I m ok", "i m ok")]
    [InlineData("Stop. Who is this?", "stop | who is this |")]
    [InlineData("opt-out", "opt out")]
    public void Case_accents_punctuation_and_emoji(string body, string read)
    {
        Reader.Canonical(body).Should().Be(read);
    }

    [Theory]
    [InlineData("stoooop", "stop")]
    [InlineData("STOPPPP", "stop")]
    [InlineData("stoop", "stop")]
    [InlineData("pleeease", "please")]
    [InlineData("nooo", "no")]
    [InlineData("offff", "off")]
    public void Letters_held_down_are_squeezed(string word, string read)
    {
        Reader.Canonical(word).Should().Be(read);
    }

    [Theory]
    [InlineData("stpo", "stop")]
    [InlineData("sotp", "stop")]
    [InlineData("cancle", "cancel")]
    [InlineData("qiut", "quit")]
    [InlineData("unsubscibe", "unsubscribe")]
    [InlineData("unsuscribe", "unsubscribe")]
    [InlineData("unsubcribe", "unsubscribe")]
    [InlineData("unsusbcribe", "unsubscribe")]
    [InlineData("unsubscribed", "unsubscribe")]
    public void Misspellings_within_the_allowed_distance_read_as_the_keyword(string word, string read)
    {
        Reader.Canonical(word).Should().Be(read);
    }

    [Theory]
    [InlineData("step")]
    [InlineData("shop")]
    [InlineData("top")]
    [InlineData("spot")]
    [InlineData("stops")]
    [InlineData("quite")]
    [InlineData("quiet")]
    [InlineData("ending")]
    [InlineData("cancer")]
    [InlineData("subscribe")]
    [InlineData("unscribe")]
    [InlineData("tsop")]
    public void Real_words_and_misspellings_too_far_away_are_not_keywords(string word)
    {
        Reader.Canonical(word).Should().Be(word);
        Reader.Read(word).Signal.Should().Be(OptOutSignal.None);
    }

    [Theory]
    [InlineData("STOP!!! 🛑", OptOutSignal.Keyword, "stop")]
    [InlineData("stpo", OptOutSignal.Keyword, "stop")]
    [InlineData("Unsuscribe me please", OptOutSignal.Keyword, "unsubscribe")]
    [InlineData("Opt-Out", OptOutSignal.Keyword, "opt out")]
    [InlineData("please stop texting me", OptOutSignal.Clear, "stop texting")]
    [InlineData("🛑", OptOutSignal.Possible, "^🛑$")]
    [InlineData("I quit", OptOutSignal.KeywordInSentence, "quit")]
    [InlineData("No", OptOutSignal.InReplyOnly, "no")]
    [InlineData("Thanks, see you Friday", OptOutSignal.None, "")]
    public void A_message_reads_as_a_signal_with_the_phrase_that_matched(string body, OptOutSignal signal, string phrase)
    {
        var reading = Reader.Read(body);

        reading.Signal.Should().Be(signal);
        reading.Phrase.Should().Be(phrase);
        reading.Language.Should().Be(signal == OptOutSignal.None ? "" : "en");
    }

    [Fact]
    public void Known_limits_stay_as_the_readme_says()
    {
        Reader.Read("stahp").Signal.Should().Be(OptOutSignal.None, "no list foresees it");
        Reader.Read("stip").Signal.Should().Be(OptOutSignal.None, "short keywords allow swapped letters only");
        Reader.Read("I love you alot").Signal.Should().Be(OptOutSignal.KeywordInSentence, "'alot' is the Spanish ALTO with two letters swapped: a review, never an opt-out");
        Reader.Read("Stop it, you're making me blush").Signal.Should().Be(OptOutSignal.Keyword, "a per-se word alone in a sentence revokes, playful or not");
    }

    [Fact]
    public void A_long_message_is_read_only_up_to_the_cap_without_throwing()
    {
        var filler = string.Concat(Enumerable.Repeat("lorem ipsum dolor ", 400));
        var spelled = string.Concat(Enumerable.Repeat("a ", 5_000));

        Reader.Read("Stop texting me. " + filler).Signal.Should().Be(OptOutSignal.Clear);
        Reader.Read(filler + " stop texting me").Signal.Should().Be(OptOutSignal.None, "the phrase lies past the first {0} characters", OptOutMatcher.MaxChars);
        Reader.Read(spelled).Signal.Should().Be(OptOutSignal.None);
        Reader.Read(new string('!', 50_000)).Should().Be(OptOutReading.Nothing);
        Reader.Read(string.Concat(Enumerable.Repeat("🛑", 10_000))).Signal.Should().Be(OptOutSignal.Possible);
        Reader.Read(null).Should().Be(OptOutReading.Nothing);
    }
}
