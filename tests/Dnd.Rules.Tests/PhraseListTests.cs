using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>The phrase lists: shipped ones, an account's own, and the validation an API answers a bad list with.</summary>
public class PhraseListTests
{
    private const string Valid = """
        {
          "language": "es",
          "keywords": ["baja"],
          "clear": ["dejen de escribirme", "no me * mas", "nada"],
          "possible": ["no me interesa"],
          "notOptOut": ["planta baja"]
        }
        """;

    [Fact]
    public void English_and_Spanish_ship_with_every_list()
    {
        PhraseList.Shipped.Keys.Should().BeEquivalentTo("en", "es");
        PhraseList.Shipped.Values.Should().OnlyContain(l => l.Keywords.Count > 0 && l.Clear.Count > 0 && l.Possible.Count > 0 && l.NotOptOut.Count > 0);
        PhraseList.Shipped["es"].Keywords.Should().Contain(["baja", "alto", "parar", "cancelar", "no mas"]);
    }

    [Fact]
    public void A_list_reads_back_from_its_json()
    {
        var list = PhraseList.Parse("es", Valid);

        list.Language.Should().Be("es");
        list.Clear.Should().Equal("dejen de escribirme", "no me * mas", "nada");
        PhraseList.Parse("es.json", list.ToJson()).Should().BeEquivalentTo(list);
    }

    [Theory]
    [InlineData("\"nada\"]", "\"\"]", "es.clear entry 3: must not be empty")]
    [InlineData("\"nada\"]", "\"   \"]", "es.clear entry 3: must not be empty")]
    [InlineData("\"nada\"]", "42]", "es.clear entry 3: must be a string")]
    [InlineData("\"nada\"]", "\"!!!\"]", "es.clear entry 3: has no words*")]
    [InlineData("\"nada\"]", "\"* nada\"]", "es.clear entry 3: a * must stand between two words*")]
    [InlineData("\"nada\"]", "\"nada. otra\"]", "es.clear entry 3: must be one phrase*")]
    [InlineData("\"nada\"]", "\"Dejen de  escribirme!\"]", "es.clear entry 3: 'Dejen de  escribirme!' repeats entry 1")]
    [InlineData("\"nada\"]", "\"uno dos tres cuatro cinco seis siete ocho nueve\"]", "es.clear entry 3: has more than 8 words")]
    [InlineData("[\"baja\"]", "[\"baja * ya\"]", "es.keywords entry 1: a * (any words) is for clear, possible and notOptOut phrases only")]
    [InlineData("[\"baja\"]", "[\"^baja$\"]", "es.keywords entry 1: ^…$ (the whole message) is for clear and possible phrases only")]
    [InlineData("\"possible\"", "\"possibles\"", "es: unknown field 'possibles'*")]
    [InlineData("\"notOptOut\": [\"planta baja\"]", "\"other\": 1", "es: unknown field 'other'*")]
    [InlineData("\"language\": \"es\"", "\"language\": \"en\"", "es.language: 'en' must be the list's code, 'es'")]
    [InlineData("[\"no me interesa\"]", "\"no me interesa\"", "es.possible: must be an array of phrases")]
    public void An_invalid_list_names_the_list_field_and_entry(string find, string replace, string message)
    {
        var json = Valid.Replace(find, replace);
        json.Should().NotBe(Valid);

        var act = () => PhraseList.Parse("es", json);

        act.Should().Throw<RuleSetException>().WithMessage(message);
    }

    [Fact]
    public void A_data_file_error_names_the_file_too()
    {
        var empty = () => PhraseList.Parse("es.json", Valid.Replace("\"nada\"]", "\"\"]"));
        var missing = () => PhraseList.Parse("en.json", """{ "keywords": [], "clear": [], "possible": [] }""");
        var malformed = () => PhraseList.Parse("es.json", Valid[..^3]);

        empty.Should().Throw<RuleSetException>().WithMessage("es.json: es.clear entry 3: must not be empty");
        missing.Should().Throw<RuleSetException>().WithMessage("en.json: en.notOptOut: is required (an array of phrases)");
        malformed.Should().Throw<RuleSetException>().WithMessage("es.json: es: not valid JSON*");
    }

    [Fact]
    public void A_list_built_in_code_is_checked_when_an_account_takes_it()
    {
        var bad = new PhraseList("fr", ["arret"], ["arretez * *"], [], []);

        var act = () => AccountSettings.Default with { OptOutPhrases = new Dictionary<string, PhraseList> { ["fr"] = bad } };

        act.Should().Throw<RuleSetException>().WithMessage("fr.clear entry 1: *");
    }

    [Fact]
    public void An_accounts_list_adds_a_language()
    {
        var french = new PhraseList("fr", ["arret"], ["arretez de m'ecrire", "desabonnez moi"], ["pas interesse"], ["arret de bus"]);
        var settings = AccountSettings.Default with { OptOutPhrases = new Dictionary<string, PhraseList> { ["fr"] = french } };
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "Arrêtez de m'écrire svp"), settings);
        var busStop = Rules.Apply(Rules.NewContact(), new InboundMessageEvent(Channel.Sms, "l'arrêt de bus est où ?"), settings);

        decision.Classification.Rule.Should().Be("InboundClearOptOutPhrase");
        decision.Classification.Message.Should().Contain("'arretez de m'ecrire' (French)");
        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        busStop.Classification.Kind.Should().Be(ChangeKind.None);
        settings.ReadOptOut("dejen de escribirme").Signal.Should().Be(OptOutSignal.Clear, "the shipped languages stay");
    }

    [Fact]
    public void An_accounts_list_replaces_a_shipped_language_but_never_the_laws_words()
    {
        var spanish = new PhraseList("es", ["baja"], ["ya no me escriban"], [], []);
        var english = new PhraseList("en", [], ["knock it off"], [], []);
        var settings = AccountSettings.Default with
        {
            OptOutPhrases = new Dictionary<string, PhraseList> { ["es"] = spanish, ["en"] = english },
        };

        settings.ReadOptOut("ya no me escriban").Signal.Should().Be(OptOutSignal.Clear);
        settings.ReadOptOut("dejen de escribirme").Signal.Should().Be(OptOutSignal.None, "the account's Spanish list replaced the shipped one");
        settings.ReadOptOut("knock it off").Should().Be(new OptOutReading(OptOutSignal.Clear, "knock it off", "en"));
        settings.ReadOptOut("Unsuscribe!").Signal.Should().Be(OptOutSignal.Keyword, "the FCC's per-se words are read whatever the lists");
        settings.ReadOptOut("STOP").Signal.Should().Be(OptOutSignal.Keyword);
    }

    [Fact]
    public void The_lists_are_compiled_once_per_settings_value()
    {
        var own = AccountSettings.Default with { OptOutPhrases = new Dictionary<string, PhraseList> { ["es"] = PhraseList.Parse("es", Valid) } };

        (AccountSettings.Default with { KeywordChannels = [] }).OptOutMatcher.Should().BeSameAs(OptOutMatcher.Shipped);
        (own with { KeywordChannels = [] }).OptOutMatcher.Should().BeSameAs(own.OptOutMatcher);
        own.OptOutMatcher.Should().NotBeSameAs(OptOutMatcher.Shipped);
    }
}
