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
        // Setting SMS DND fires the shipped SMS clean-up workflow, which removes the contact from every workflow it
        // is in; let it finish first so it cannot cancel the nurture this test starts.
        await Eventually.MatchAsync(() => InstancesAsync(account, contact),
            all => all.EnumerateArray().Any(i => i.GetProperty("instance").GetProperty("status").GetString() == "Finished"), "the clean-up workflow");

        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, "welcome-nurture"), "Finished");

        Log(instance).Select(l => (l.Activity, l.Outcome)).Should().Equal(("sms-hello", "Blocked"), ("email-followup", "Done"));
        // The blocked SMS and the email are written in one step's write, usually within CreatedAt's 100 microseconds.
        (await MessagesAsync(account, contact)).Single(m => m.GetProperty("channel").GetString() == "Email").GetProperty("subject").GetString()
            .Should().Be("Following up, Hal");
    }

    [Fact]
    public async Task An_sms_stop_removes_the_contact_from_the_nurture_it_was_waiting_in()
    {
        var account = await AccountAsync();
        var contact = (await account.CreateContactAsync(new { phone = "+15551200002", email = "ida@example.com" })).GetProperty("id").GetString()!;
        var nurture = await StartAsync(account, contact, "welcome-nurture");
        Status(await InstanceAsync(account, nurture)).Should().Be("Suspended");

        await Twilio.InboundAsync(_app, account, "+15551200002", "STOP");

        await UntilStatusAsync(account, nurture, "Cancelled");
        var cleanup = await Eventually.MatchAsync(() => InstancesAsync(account, contact),
            all => all.EnumerateArray().Any(i => i.GetProperty("instance").GetProperty("definitionId").GetString() == "sms-opt-out-cleanup"), "the cleanup workflow");
        cleanup.EnumerateArray().Should().HaveCount(2);
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
}
