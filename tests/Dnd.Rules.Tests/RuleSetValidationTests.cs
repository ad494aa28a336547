using Dnd.Rules.Engine;

namespace Dnd.Rules.Tests;

public class RuleSetValidationTests
{
    private static List<RuleFile> Shipped() => DndRuleSet.LoadEmbeddedFiles().ToList();

    private static List<RuleFile> WithReplaced(string file, Func<string, string> edit) =>
        Shipped().Select(f => f.Name == file ? f with { Json = edit(f.Json) } : f).ToList();

    [Fact]
    public void The_shipped_files_define_every_workflow()
    {
        var set = DndRuleSet.FromFiles(Shipped());

        set.Workflows.Select(w => w.WorkflowName).Should().BeEquivalentTo(RuleWorkflows.All);
    }

    [Fact]
    public void Malformed_json_names_the_file()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("mailgun-event.json", j => j[..^5]));

        act.Should().Throw<RuleSetException>().WithMessage("mailgun-event.json: not a JSON array*");
    }

    [Fact]
    public void A_missing_workflow_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(Shipped().Where(f => f.Name != "override-policy.json"));

        act.Should().Throw<RuleSetException>().WithMessage("missing workflows: OverridePolicy");
    }

    [Fact]
    public void A_bad_status_names_the_rule()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("twilio-sms-status.json",
            j => j.Replace("\"status\": \"Permanent\"", "\"status\": \"Forever\"")));

        act.Should().Throw<RuleSetException>().WithMessage("TwilioSmsStatus/TwilioMessageBlocked: Properties.status*");
    }

    [Fact]
    public void A_spam_lock_that_is_not_permanent_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("mailgun-event.json",
            j => j.Replace("\"status\": \"Permanent\", \"channels\": \"Email\", \"code\": \"spam_complaint\"",
                           "\"status\": \"Active\", \"channels\": \"Email\", \"code\": \"spam_complaint\"")));

        act.Should().Throw<RuleSetException>().WithMessage("*a spam lock must be Permanent");
    }

    [Fact]
    public void An_unknown_verdict_is_refused()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("override-policy.json",
            j => j.Replace("\"verdict\": \"Denied\"", "\"verdict\": \"Maybe\"")));

        act.Should().Throw<RuleSetException>().WithMessage("OverridePolicy/SpamLockIsNeverLifted: Properties.verdict*");
    }

    [Fact]
    public void An_expression_that_does_not_compile_fails_at_start_up()
    {
        var set = DndRuleSet.FromFiles(WithReplaced("user-dnd-change.json",
            j => j.Replace("\"Expression\": \"evt.Enable\"", "\"Expression\": \"evt.NoSuchField == 1\"")));

        var act = () => new RulesEnginePolicy(set);

        act.Should().Throw<RuleSetException>().WithMessage("UserDndChange/UserEnablesDnd failed:*NoSuchField*");
    }

    [Fact]
    public void Event_channels_are_refused_where_the_event_has_no_channel()
    {
        var act = () => DndRuleSet.FromFiles(WithReplaced("twilio-sms-status.json",
            j => j.Replace("\"channels\": \"SMS\"", "\"channels\": \"event\"")));

        act.Should().Throw<RuleSetException>().WithMessage("*needs an event that names a channel");
    }
}
