using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

/// <summary>The definitions in workflows/ do what their names say, together, once an account installs them as templates.</summary>
public class ShippedWorkflowTests : IAsyncLifetime
{
    private readonly DndApp _app = new(workflowsFolder: RepoPaths.Workflows);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>An account with every shipped template installed: they run for no account that has not.</summary>
    private async Task<TestAccount> AccountAsync()
    {
        var account = await TestAccount.CreateAsync(_app);
        foreach (var file in Directory.GetFiles(RepoPaths.Workflows, "*.json"))
        {
            await InstallAsync(account, Path.GetFileNameWithoutExtension(file));
        }
        return account;
    }

    [Fact]
    public async Task Welcome_nurture_falls_back_to_email_when_sms_is_blocked()
    {
        var account = await AccountAsync();
        var contact = (await account.CreateContactAsync(new { firstName = "Hal", phone = "+15551200001", email = "hal@example.com", dndSettings = new { SMS = new { status = "active" } } }))
            .GetProperty("id").GetString()!;
        // Setting SMS DND fires the shipped clean-up workflow, which finds other channels open and leaves the contact in
        // its workflows; let it finish first, so the instances below are the nurture's.
        await Eventually.MatchAsync(() => InstancesAsync(account, contact),
            all => all.EnumerateArray().Any(i => i.GetProperty("instance").GetProperty("status").GetString() == "Finished"), "the clean-up workflow");

        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, "welcome-nurture"), "Finished");

        Log(instance).Select(l => (l.Activity, l.Outcome)).Should().Equal(("sms-hello", "Blocked"), ("email-followup", "Done"));
        // The blocked SMS and the email are written in one step's write, usually within CreatedAt's 100 microseconds.
        (await MessagesAsync(account, contact)).Single(m => m.GetProperty("channel").GetString() == "Email").GetProperty("subject").GetString()
            .Should().Be("Following up, Hal");
    }

    [Fact]
    public async Task An_sms_stop_leaves_the_contact_in_its_workflows_and_dnd_on_every_channel_removes_it()
    {
        var account = await AccountAsync();
        var contact = (await account.CreateContactAsync(new { phone = "+15551200002", email = "ida@example.com" })).GetProperty("id").GetString()!;
        var nurture = await StartAsync(account, contact, "welcome-nurture");
        Status(await InstanceAsync(account, nurture)).Should().Be("Suspended");

        // An opt-out of one channel: the clean-up runs and finds a channel still open, so the contact stays (its SMS
        // steps are skipped with the reason, as the nurture test shows).
        await Twilio.InboundAsync(_app, account, "+15551200002", "STOP");
        var checkedOnce = await Eventually.MatchAsync(() => InstancesAsync(account, contact),
            all => all.EnumerateArray().Any(i => i.GetProperty("instance").GetProperty("definitionId").GetString() == "dnd-everywhere-cleanup"
                                                  && i.GetProperty("instance").GetProperty("status").GetString() == "Finished"), "the clean-up's first run");
        Log(await InstanceAsync(account, checkedOnce.EnumerateArray().First(i => i.GetProperty("instance").GetProperty("definitionId").GetString() == "dnd-everywhere-cleanup")
            .GetProperty("instance").GetProperty("id").GetString()!)).Last().Outcome.Should().Be("False");
        Status(await InstanceAsync(account, nurture)).Should().Be("Suspended", "an opt-out of SMS alone does not take the contact out of its workflows");

        // DND on every channel: nothing can reach the contact any more, so the clean-up takes it out of everything.
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{contact}", new { dnd = true }), 200);

        await UntilStatusAsync(account, nurture, "Cancelled");
    }

    [Fact]
    public async Task An_account_that_unpublishes_the_clean_up_keeps_contacts_in_their_workflows_even_with_dnd_everywhere()
    {
        var account = await AccountAsync();
        await Http.EnsureAsync(await account.Client.PostAsync("/workflows/dnd-everywhere-cleanup/unpublish", null), 200);
        var contact = (await account.CreateContactAsync(new { phone = "+15551200003", email = "una@example.com" })).GetProperty("id").GetString()!;
        var nurture = await StartAsync(account, contact, "welcome-nurture");

        // A witness on the same trigger: once it has run, the DND changes were dispatched (and started the clean-up, had it been on).
        await PublishAsync(account, Definition("witness", [Activity("on", "DndChangedTrigger", new { channel = "all", state = "on" })], [], allowReentry: true));

        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{contact}", new { dnd = true }), 200);

        var all = await Eventually.MatchAsync(() => InstancesAsync(account, contact),
            i => i.EnumerateArray().Count(x => x.GetProperty("instance").GetProperty("definitionId").GetString() == "witness") == Dnd.Rules.Consent.ChannelNames.All.Count,
            "the witness, once per channel (each channel's change is its own trigger)");
        all.EnumerateArray().Should().NotContain(i => i.GetProperty("instance").GetProperty("definitionId").GetString() == "dnd-everywhere-cleanup",
            "the clean-up is off for this account");
        Status(await InstanceAsync(account, nurture)).Should().Be("Suspended");
    }

    [Fact]
    public async Task A_consenting_form_submission_resubscribes_and_welcomes_back()
    {
        var account = await AccountAsync();
        var contact = (await account.CreateContactAsync(new { firstName = "Jo", email = "jo@example.com" })).GetProperty("id").GetString()!;
        await Mailgun.PostAsync(_app, account, "jo@example.com", "unsubscribed");

        var submitted = await account.Client.PostAsJsonAsync("/forms/newsletter/submissions", new { email = "JO@example.com", consent = true });

        await Http.EnsureAsync(submitted, 202);
        await Eventually.MatchAsync(() => account.DndStatusAsync(contact, "Email"), s => s == "inactive", "the resubscribe");
        var welcome = await Eventually.MatchAsync(() => MessagesAsync(account, contact), m => m.Count == 1, "the welcome-back email");
        welcome[0].GetProperty("status").GetString().Should().Be("queued");
    }

    [Fact]
    public async Task A_form_whose_consent_field_the_account_named_resubscribes_only_through_that_field()
    {
        var account = await AccountAsync();
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/",
            new { formConsentFields = new Dictionary<string, string> { ["newsletter"] = "agree_marketing" } }), 200);
        var contact = (await account.CreateContactAsync(new { firstName = "Lu", email = "lu@example.com" })).GetProperty("id").GetString()!;
        await Mailgun.PostAsync(_app, account, "lu@example.com", "unsubscribed");

        // "consent" is not this form's field: no explicit consent, whatever it says.
        var wrongField = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/forms/newsletter/submissions", new { email = "lu@example.com", consent = true }));
        wrongField.GetProperty("consent").GetBoolean().Should().BeFalse();
        var unticked = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/forms/newsletter/submissions", new { email = "lu@example.com", agree_marketing = "no" }));
        unticked.GetProperty("consent").GetBoolean().Should().BeFalse();
        (await account.DndStatusAsync(contact, "Email")).Should().Be("active");

        var agreed = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/forms/newsletter/submissions", new { email = "lu@example.com", agree_marketing = "yes" }));

        agreed.GetProperty("consent").GetBoolean().Should().BeTrue();
        await Eventually.MatchAsync(() => account.DndStatusAsync(contact, "Email"), s => s == "inactive", "the resubscribe");
    }
}
