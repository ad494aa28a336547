using Dnd.Rules.Engine;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

public class RuleSetValidationTests
{
    private static List<RuleFile> Shipped() => DndRuleSet.LoadEmbeddedFiles().ToList();

    private static List<RuleFile> WithReplaced(string file, Func<string, string> edit)
    {
        var files = Shipped();
        var original = files.Single(f => f.Name == file).Json;
        edit(original).Should().NotBe(original, "the edit must change the file, or the test proves nothing");
        return files.Select(f => f.Name == file ? f with { Json = edit(f.Json) } : f).ToList();
    }

    [Fact]
    public void Every_rule_class_is_compiled_with_its_name_priority_and_description()
    {
        var classes = typeof(DndRuleSet).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule))).ToList();

        var rules = DndRuleSet.Default.Rules;

        rules.Select(r => r.Name).Should().BeEquivalentTo(classes.Select(c => c.Name), "each rule is named after its class");
        rules.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.Description));
        rules.Should().HaveCount(46);
    }

    [Fact]
    public void Rules_that_match_the_same_fact_never_share_a_priority()
    {
        // Equal priorities would fire in an order NRules does not promise, and the first answer is the one kept.
        var clashes = typeof(DndRuleSet).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)))
            .GroupBy(t => (t.Namespace, Priority: DndRuleSet.Default.Rules.Single(r => r.Name == t.Name).Priority))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(t => t.Name)));

        clashes.Should().BeEmpty();
    }

    [Fact]
    public void The_shipped_tables_load()
    {
        var set = DndRuleSet.FromFiles(Shipped());

        set.TwilioErrorCodes.Codes.Should().BeEquivalentTo("30003", "30004", "30005", "30006", "21610", "30007");
        set.MailgunEvents.Entries.Should().HaveCount(8);
        set.MetaErrorCodes.Codes.Should().BeEquivalentTo("131050", "131026", "131047", "131049");
    }

    [Fact]
    public void Malformed_json_names_the_file()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("mailgun-events.json", j => j[..^5]));

        act.Should().Throw<RuleSetException>().WithMessage("mailgun-events.json: not valid JSON*");
    }

    [Fact]
    public void A_missing_table_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(Shipped().Where(f => f.Name != "twilio-error-codes.json"));

        act.Should().Throw<RuleSetException>().WithMessage("missing rule data file: twilio-error-codes.json");
    }

    [Fact]
    public void An_unknown_file_is_refused_rather_than_ignored()
    {
        var act = () => DndRuleSet.FromFiles([.. Shipped(), new RuleFile("override-policy.json", "[]")]);

        act.Should().Throw<RuleSetException>().WithMessage("override-policy.json: not a rule data file*");
    }

    [Fact]
    public void A_bad_status_names_the_file_and_entry()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("twilio-error-codes.json",
            j => j.Replace("\"status\": \"Permanent\", \"message\": \"Message blocked",
                           "\"status\": \"Forever\", \"message\": \"Message blocked")));

        act.Should().Throw<RuleSetException>().WithMessage("twilio-error-codes.json: codes entry 2 (30004): status 'Forever'*");
    }

    [Fact]
    public void A_set_without_a_blocking_status_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("twilio-error-codes.json",
            j => j.Replace("\"status\": \"Active\", \"message\": \"Unreachable", "\"message\": \"Unreachable")));

        act.Should().Throw<RuleSetException>().WithMessage("twilio-error-codes.json: codes entry 1 (30003): status must be Active or Permanent for a Set");
    }

    [Fact]
    public void A_spam_lock_that_is_not_permanent_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("mailgun-events.json",
            j => j.Replace("\"status\": \"Permanent\", \"channels\": \"Email\", \"code\": \"spam_complaint\"",
                           "\"status\": \"Active\", \"channels\": \"Email\", \"code\": \"spam_complaint\"")));

        act.Should().Throw<RuleSetException>().WithMessage("mailgun-events.json: events entry 5 (MailgunSuppressedComplaint): a spam lock must be a Permanent Set");
    }

    [Fact]
    public void A_duplicated_code_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("twilio-error-codes.json", j => j.Replace("\"errorCode\": \"30005\"", "\"errorCode\": \"30003\"")));

        act.Should().Throw<RuleSetException>().WithMessage("*codes entry 3 (30003): the code is listed twice");
    }

    [Fact]
    public void Event_channels_are_refused_where_the_event_has_no_channel()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("mailgun-events.json", j => j.Replace("\"channels\": \"Email\"", "\"channels\": \"event\"")));

        act.Should().Throw<RuleSetException>().WithMessage("*events entry 1 (MailgunHardBounce): channels 'event' needs an event that names a channel");
    }

    [Fact]
    public void An_unknown_scope_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("mailgun-events.json", j => j.Replace("\"scope\": \"AllChannels\"", "\"scope\": \"Everything\"")));

        act.Should().Throw<RuleSetException>().WithMessage("*events entry 3 (MailgunSuppressedUnsubscribeAllChannels): scope 'Everything'*");
    }
}
