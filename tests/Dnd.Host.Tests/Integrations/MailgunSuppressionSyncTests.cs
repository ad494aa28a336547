using System.Net.Http.Json;
using Dnd.Crm.Suppressions;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Integrations;

/// <summary>
/// Mailgun's suppression lists follow DND: lifting a bounce or unsubscribe DND takes the address off them (never off the
/// complaint list), and connecting imports them as DND with Mailgun's reason.
/// </summary>
public sealed class MailgunSuppressionSyncTests(ProviderFakes fakes) : IClassFixture<ProviderFakes>
{
    private async Task<(TestAccount Account, string Domain, string Key)> MailgunAccountAsync(bool connect = true)
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var (domain, key) = ($"mg{Guid.NewGuid():N}.example.com", "key-" + Guid.NewGuid().ToString("N"));
        fakes.Mailgun.Domain(domain, key);
        if (connect)
        {
            await ConnectAsync(account, domain, key);
        }
        return (account, domain, key);
    }

    private static async Task ConnectAsync(TestAccount account, string domain, string key) =>
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain, apiKey = key }), 200);

    private async Task<string> BouncedContactAsync(TestAccount account, string address)
    {
        var contact = (await account.CreateContactAsync(new { email = address })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await Mailgun.PostAsync(fakes.App, account, address, "failed", "permanent", "bounce", signedAt: fakes.Clock.GetUtcNow()), 200);
        (await account.DndStatusAsync(contact, "Email")).Should().Be("active");
        return contact;
    }

    private static async Task LiftEmailAsync(TestAccount account, string contact) =>
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{contact}",
            new { dndSettings = new Dictionary<string, object> { ["Email"] = new { status = "inactive", message = "Confirmed the address by phone" } } }), 200);

    private Task<int> RemoverPassAsync() => fakes.App.Services.GetRequiredService<SuppressionRemover>().RemovePendingAsync(CancellationToken.None);

    /// <summary>The jobs a connect started, run to the end; the account's latest suppression import job as the API shows it.</summary>
    private async Task<System.Text.Json.JsonElement> ImportAsync(TestAccount account)
    {
        await fakes.RunJobsAsync();
        var events = await AuditAsync(account);
        var detail = events.First(e => e.Action == "suppression-import-started").Detail;
        events.First(e => e.Action == "suppressions-imported").Detail.Should().Contain(System.Text.RegularExpressions.Regex.Match(detail, @"job \w+").Value);
        var job = System.Text.RegularExpressions.Regex.Match(detail, @"job (\w+)").Groups[1].Value;
        return await Http.JsonAsync(await account.Client.GetAsync($"/locations/jobs/{job}"));
    }

    private static async Task<List<(string Action, string Detail)>> AuditAsync(TestAccount account) =>
        (await Http.JsonAsync(await account.Client.GetAsync("/locations/integrations/events"))).GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("detail").GetString()!)).ToList();

    [Fact]
    public async Task Lifting_a_bounce_takes_the_address_off_the_bounce_and_unsubscribe_lists_but_never_the_complaint_list()
    {
        var (account, domain, key) = await MailgunAccountAsync();
        var (lifted, kept) = ($"{Guid.NewGuid():N}@example.com", $"{Guid.NewGuid():N}@example.com");
        fakes.Mailgun.Suppressions(domain, key, "bounces", new { address = lifted, code = "550", error = "No such mailbox", created_at = "Tue, 24 Nov 2026 10:00:00 UTC" });
        var contact = await BouncedContactAsync(account, lifted);
        await BouncedContactAsync(account, kept);

        await LiftEmailAsync(account, contact);
        await RemoverPassAsync();

        fakes.Mailgun.Removals.Where(p => p.Contains(domain)).Should().BeEquivalentTo(
            $"/v3/{domain}/bounces/{lifted}", $"/v3/{domain}/unsubscribes/{lifted}");
        (await AuditAsync(account)).Should().ContainSingle(e => e.Action == "suppression-removed")
            .Which.Detail.Should().Be($"{lifted}: removed from bounces; not on unsubscribes (e-mail DND lifted)");
        await RemoverPassAsync();
        fakes.Mailgun.Removals.Count(p => p.Contains(lifted)).Should().Be(2, "a removal is done once");
    }

    [Fact]
    public async Task A_lift_waits_while_no_mailgun_is_connected_and_is_done_on_connect()
    {
        var (account, domain, key) = await MailgunAccountAsync(connect: false);
        var address = $"{Guid.NewGuid():N}@example.com";
        var contact = await BouncedContactAsync(account, address);
        await LiftEmailAsync(account, contact);

        await RemoverPassAsync();
        fakes.Mailgun.Removals.Should().NotContain(p => p.Contains(address));

        await ConnectAsync(account, domain, key);
        await RemoverPassAsync();
        fakes.Mailgun.Removals.Should().Contain($"/v3/{domain}/bounces/{address}");
    }

    [Fact]
    public async Task A_refused_removal_is_tried_again_later_and_given_up_after_a_day_with_an_audited_line()
    {
        var (account, domain, _) = await MailgunAccountAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var contact = await BouncedContactAsync(account, address);
        using (fakes.Mailgun.RefuseRemovals(domain))
        {
            await LiftEmailAsync(account, contact);
            await RemoverPassAsync();
            var tried = fakes.Mailgun.Removals.Count(p => p.Contains(address));
            tried.Should().Be(1, "the first list's refusal stops the try");

            await RemoverPassAsync();
            fakes.Mailgun.Removals.Count(p => p.Contains(address)).Should().Be(tried, "the next try waits for its backoff");

            fakes.Clock.Advance(TimeSpan.FromHours(25));
            await RemoverPassAsync();
        }
        var failed = (await AuditAsync(account)).Should().ContainSingle(e => e.Action == "suppression-removal-failed").Subject;
        failed.Detail.Should().Contain(address).And.Contain("given up after 2 tries").And.Contain("500").And.Contain("by hand");
        await RemoverPassAsync();
        fakes.Mailgun.Removals.Count(p => p.Contains(address)).Should().Be(2, "a removal given up is not tried again");
    }

    [Fact]
    public async Task Connecting_imports_the_suppression_lists_as_dnd_with_mailguns_reason_once()
    {
        var (account, domain, key) = await MailgunAccountAsync(connect: false);
        var (bounced, unsubscribed, complained) = ($"b{Guid.NewGuid():N}@example.com", $"u{Guid.NewGuid():N}@example.com", $"c{Guid.NewGuid():N}@example.com");
        fakes.Mailgun.Suppressions(domain, key, "bounces", new { address = bounced.ToUpperInvariant(), code = "550", error = "5.1.1 No such mailbox", created_at = "Tue, 24 Nov 2026 10:00:00 UTC" });
        fakes.Mailgun.Suppressions(domain, key, "unsubscribes", new { address = unsubscribed, tags = new[] { "*" }, created_at = "Mon, 23 Nov 2026 09:00:00 UTC" });
        fakes.Mailgun.Suppressions(domain, key, "complaints", new { address = complained, created_at = "Sun, 22 Nov 2026 08:00:00 UTC" });
        var bouncedContact = (await account.CreateContactAsync(new { email = bounced })).GetProperty("id").GetString()!;
        var complainedContact = (await account.CreateContactAsync(new { email = complained })).GetProperty("id").GetString()!;
        await ConnectAsync(account, domain, key);

        var job = await ImportAsync(account);

        job.GetProperty("job").GetProperty("status").GetString().Should().Be("completed");
        job.GetProperty("job").GetProperty("succeeded").GetInt32().Should().Be(3);
        (await account.DndStatusAsync(bouncedContact, "Email")).Should().Be("active");
        var line = (await account.LedgerAsync(bouncedContact)).EnumerateArray().Last().GetRawText();
        line.Should().Contain("mailgun bounces list, imported on connect").And.Contain("5.1.1 No such mailbox").And.Contain("MailgunHardBounce");
        (await account.DndStatusAsync(complainedContact, "Email")).Should().Be("permanent", "a complaint is a spam lock");
        // No contact had the unsubscribed address: the one created for it later is opted out from birth.
        var later = (await account.CreateContactAsync(new { email = unsubscribed })).GetProperty("id").GetString()!;
        (await account.DndStatusAsync(later, "Email")).Should().Be("active");

        // Connecting again (a key rotated) reads the lists again and adds nothing.
        var ledgerLines = (await account.LedgerAsync(bouncedContact)).GetArrayLength();
        await ConnectAsync(account, domain, key);
        (await ImportAsync(account)).GetProperty("job").GetProperty("status").GetString().Should().Be("completed");
        (await account.LedgerAsync(bouncedContact)).GetArrayLength().Should().Be(ledgerLines, "an entry imported before adds nothing");
        (await account.LedgerAsync(complainedContact)).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task An_address_whose_dnd_was_lifted_is_not_imported_again_and_its_removal_stands()
    {
        var (account, domain, key) = await MailgunAccountAsync(connect: false);
        var address = $"{Guid.NewGuid():N}@example.com";
        var contact = await BouncedContactAsync(account, address);
        await LiftEmailAsync(account, contact);
        fakes.Mailgun.Suppressions(domain, key, "bounces", new { address, code = "550", error = "No such mailbox", created_at = "Tue, 24 Nov 2026 10:00:00 UTC" });
        await ConnectAsync(account, domain, key);

        var job = await ImportAsync(account);

        job.GetProperty("job").GetProperty("refused").GetInt32().Should().Be(1);
        job.GetProperty("problems").GetProperty("problems")[0].GetProperty("message").GetString().Should().Contain("lifted after Mailgun listed it");
        (await account.DndStatusAsync(contact, "Email")).Should().Be("inactive", "the user's lift came after Mailgun listed it");
        await RemoverPassAsync();
        fakes.Mailgun.Removals.Should().Contain($"/v3/{domain}/bounces/{address}");
    }

    [Fact]
    public async Task A_paging_link_to_another_host_is_not_followed_so_the_api_key_never_leaves_for_it()
    {
        var suppressions = fakes.App.Services.GetRequiredService<MailgunSuppressions>();
        var connection = new Dnd.Crm.Integrations.MailgunConnection("mg.example.com", "key-secret", "us", null);

        var follow = () => suppressions.PageAsync("acct", connection, MailgunSuppressionList.Bounces, "https://attacker.example/v3/mg.example.com/bounces?page=next", default);

        (await follow.Should().ThrowAsync<SuppressionCallException>()).Which.Transient.Should().BeFalse();
        fakes.Mailgun.Requests.Should().NotContain(p => p.Contains("attacker"));
    }
}
