using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

public class IfElseTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    /// <summary>If SMS DND is on, reach the contact by email instead.</summary>
    private static object FallBackToEmail(string id) => Definition(id,
        [
            Activity("check", "IfElse", new { condition = "dndOn", channel = "SMS" }),
            Activity("email", "Send", new { channel = "Email", subject = "Hi", body = "By email" }),
            Activity("sms", "Send", new { channel = "SMS", body = "By text" }),
        ],
        [Connect("check", "True", "email"), Connect("check", "False", "sms")]);

    [Fact]
    public async Task A_condition_on_the_contacts_dnd_picks_the_branch_when_the_step_runs()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "fallback-" + account.Id;
        await PublishAsync(account, FallBackToEmail(id));
        var open = (await account.CreateContactAsync(new { phone = "+15550710001", email = "open@example.com" })).GetProperty("id").GetString()!;
        var stopped = (await account.CreateContactAsync(new { phone = "+15550710002", email = "stopped@example.com" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await Twilio.InboundAsync(_app, account, "+15550710002", "STOP"), 200);

        var first = await UntilStatusAsync(account, await StartAsync(account, open, id), "Finished");
        var second = await UntilStatusAsync(account, await StartAsync(account, stopped, id), "Finished");

        Log(first).Should().Contain(l => l.Activity == "check" && l.Outcome == "False" && l.Note == "DND does not block SMS");
        (await MessagesAsync(account, open)).Select(m => m.GetProperty("channel").GetString()).Should().Equal("SMS");
        Log(second).Should().Contain(l => l.Activity == "check" && l.Outcome == "True");
        (await MessagesAsync(account, stopped)).Select(m => m.GetProperty("channel").GetString()).Should().Equal("Email");
    }

    [Fact]
    public async Task Tags_and_fields_are_tested_case_insensitively()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "vip-" + account.Id;
        await PublishAsync(account, Definition(id,
            [
                Activity("tag", "IfElse", new { condition = "hasTag", tag = "vip" }),
                Activity("company", "IfElse", new { condition = "fieldEquals", field = "companyName", value = "acme" }),
            ],
            [Connect("tag", "True", "company")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550710003", tags = new[] { "VIP" }, companyName = "ACME" })).GetProperty("id").GetString()!;

        var done = await UntilStatusAsync(account, await StartAsync(account, contact, id), "Finished");

        Log(done).Select(l => (l.Activity, l.Outcome)).Should().Contain([("tag", "True"), ("company", "True")]);
    }

    [Fact]
    public async Task A_condition_missing_what_it_tests_is_refused_at_publish_naming_the_activity()
    {
        var account = await TestAccount.CreateAsync(_app);
        var bad = Definition("iffy", [Activity("check", "IfElse", new { condition = "hasTag" }), Activity("x", "IfElse", new { condition = "sometimes" })], []);

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/workflows/iffy", bad), 422);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.Should().Contain("activity 'check': tag is required for hasTag");
        errors.Should().Contain(e => e.StartsWith("activity 'x': condition: 'sometimes' is not one of dndon, hastag, fieldequals"));
    }

    [Fact]
    public async Task A_variable_set_by_one_step_is_read_by_a_later_one_and_shown_on_the_instance()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "plan-" + account.Id;
        await PublishAsync(account, Definition(id,
            [
                Activity("remember", "SetVariable", new { name = "plan", value = "{{ contact.first_name }}-gold" }),
                Activity("check", "IfElse", new { condition = "variableEquals", variable = "plan", value = "ada-GOLD" }),
            ],
            [Connect("remember", "Done", "check")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550710004", firstName = "Ada" })).GetProperty("id").GetString()!;

        var done = await UntilStatusAsync(account, await StartAsync(account, contact, id), "Finished");

        Log(done).Should().Contain(l => l.Activity == "check" && l.Outcome == "True");
        done.GetProperty("instance").GetProperty("variables").GetProperty("plan").GetString().Should().Be("Ada-gold");
    }

    [Fact]
    public async Task A_variable_needs_a_name_a_template_can_read()
    {
        var account = await TestAccount.CreateAsync(_app);
        var bad = Definition("vars", [Activity("v", "SetVariable", new { name = "2 words", value = "x" }), Activity("c", "IfElse", new { condition = "variableEquals" })], []);

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/workflows/vars", bad), 422);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.Should().Contain(e => e.StartsWith("activity 'v': name must be letters, digits and _"));
        errors.Should().Contain("activity 'c': variable must name a variable for variableEquals");
    }
}
