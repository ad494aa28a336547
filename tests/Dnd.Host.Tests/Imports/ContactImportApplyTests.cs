using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Microsoft.EntityFrameworkCore;
using Dnd.Host.Api.Imports;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Imports;

public class ContactImportApplyTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task Export_after_an_import_shows_the_dnd_the_file_asked_for_and_importing_it_again_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var import = await ImportFiles.DryRunAsync(account, """
            First Name,Email,Phone,DND Call,DND Email,DND SMS,DND WhatsApp,DND FB,DND GMB,Inbound DND,Tags
            Ann,ann@example.com,(555) 010-4001,on,off,permanent,,,on,on,"vip, lead"
            Bob,bob@example.com,,,on,,,,,off,
            """);

        await ImportFiles.ApplyAsync(account, import.GetProperty("id").GetString()!);
        var exported = await ImportFiles.ReadCsvAsync(await account.Client.GetAsync("/locations/contacts/export.csv"));

        exported.Should().HaveCount(2);
        var ann = exported.Single(r => r["Email"] == "ann@example.com");
        (ann["Phone"], ann["DND Call"], ann["DND Email"], ann["DND SMS"], ann["DND WhatsApp"], ann["DND FB"], ann["DND GMB"], ann["Inbound DND"], ann["Tags"])
            .Should().Be(("+15550104001", "on", "off", "permanent", "off", "off", "on", "on", "vip, lead"));
        var bob = exported.Single(r => r["Email"] == "bob@example.com");
        (bob["DND Email"], bob["DND SMS"], bob["Inbound DND"]).Should().Be(("on", "off", "off"));
        (await account.GetContactAsync(ann["Contact Id"])).GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");

        // The export is a file the import reads: applied again it matches every row to its contact and writes no ledger line.
        var ledger = await ImportFiles.LedgerCountAsync(_app, account);
        var again = await ImportFiles.DryRunAsync(account, await (await account.Client.GetAsync("/locations/contacts/export.csv")).Content.ReadAsStringAsync());
        again.GetProperty("updates").GetInt32().Should().Be(2);
        var applied = await ImportFiles.ApplyAsync(account, again.GetProperty("id").GetString()!);
        applied.GetProperty("unchanged").GetInt32().Should().Be(2);
        (await ImportFiles.ContactCountAsync(_app, account)).Should().Be(2);
        (await ImportFiles.LedgerCountAsync(_app, account)).Should().Be(ledger);
    }

    [Fact]
    public async Task A_batch_run_again_after_a_crash_adds_no_contact_and_no_ledger_line_twice()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await ImportFiles.DryRunAsync(account, """
            Email,DND Email,DND SMS,Phone
            a@example.com,on,on,+15550104101
            b@example.com,on,,
            c@example.com,on,,
            """)).GetProperty("id").GetString()!;

        var first = await BatchAsync(1, 2);
        first.Should().Be(new ImportStep(3, false, 2, 2, 0, 0, 0, 0));
        var applied = await ImportFiles.ReadCsvAsync(await account.Client.GetAsync("/locations/contacts/export.csv"));
        var lines = await LinesAsync();
        lines.Should().OnlyContain(n => n > 0);

        // The runner died before it kept the cursor: it runs the same batch again.
        var rerun = await BatchAsync(1, 2);

        rerun.Should().Be(new ImportStep(4, true, 1, 1, 0, 0, 0, 0), "only row 3, which the first run had not reached, is applied");
        (await LinesAsync()).Should().Equal(lines, "rows 1 and 2 are not applied twice");
        (await ImportFiles.ContactCountAsync(_app, account)).Should().Be(3);
        var import = await Http.JsonAsync(await account.Client.GetAsync("/locations/contacts/imports/" + id));
        (import.GetProperty("status").GetString(), import.GetProperty("created").GetInt32(), import.GetProperty("appliedThroughRow").GetInt32())
            .Should().Be(("applied", 3, 3));
        var ledger = await ImportFiles.LedgerCountAsync(_app, account);
        (await BatchAsync(1, 500)).Should().Be(new ImportStep(4, true, 0, 0, 0, 0, 0, 0));
        (await ImportFiles.LedgerCountAsync(_app, account)).Should().Be(ledger);

        // One batch as a job step runs it: in a scope of its own, as the person who asked.
        async Task<ImportStep> BatchAsync(int fromRow, int maxRows)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var import = await scope.ServiceProvider.GetRequiredService<DndDbContext>().Imports.SingleAsync(i => i.Id == id);
            scope.ServiceProvider.GetRequiredService<AccountContext>().SetDelegated(account.Id, "user 'tester' (u1)", $"user 'tester' (u1) via import {id}");
            return await scope.ServiceProvider.GetRequiredService<ContactImportBatch>().ApplyAsync(import, fromRow, maxRows, CancellationToken.None);
        }

        async Task<List<int>> LinesAsync()
        {
            var counts = new List<int>();
            foreach (var row in applied)
            {
                counts.Add((await account.LedgerAsync(row["Contact Id"])).GetArrayLength());
            }
            return counts;
        }
    }

    [Fact]
    public async Task Apply_refuses_to_lift_a_permanent_stop_and_lists_it_but_proof_of_consent_lifts_it()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550104201", firstName = "Ada" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550104201", "STOP");

        var refused = await ImportFiles.ApplyAsync(account, (await ImportFiles.DryRunAsync(account, """
            Phone,First Name,DND SMS
            (555) 010-4201,Ada B,off
            """)).GetProperty("id").GetString()!);

        refused.GetProperty("refused").GetInt32().Should().Be(1);
        var issue = ImportFiles.Issues(refused).Should().ContainSingle().Subject;
        (issue.GetProperty("row").GetInt32(), issue.GetProperty("column").GetString(), issue.GetProperty("kind").GetString()).Should().Be((1, "DND SMS", "refused"));
        issue.GetProperty("message").GetString().Should().Contain("UserCannotLiftPermanent");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        (await account.GetContactAsync(id)).GetProperty("firstName").GetString().Should().Be("Ada B", "the row's other fields are applied");
        var denied = (await account.LedgerAsync(id)).EnumerateArray().Last();
        denied.GetProperty("verdict").GetString().Should().Be("Denied");
        denied.GetProperty("actedBy").GetString().Should().StartWith($"api key '{TestAccount.KeyName}'").And.Contain("via import");

        await ImportFiles.ApplyAsync(account, (await ImportFiles.DryRunAsync(account, """
            Phone,DND SMS,Consent Method,Consent Given At,Consent Evidence
            +15550104201,off,written,2026-01-05T09:00:00Z,signed form #77
            """)).GetProperty("id").GetString()!);

        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        var lifted = (await account.LedgerAsync(id)).EnumerateArray().Last();
        lifted.GetProperty("policyRule").GetString().Should().Be("UserLiftsPermanentWithProof");
        lifted.GetProperty("proof").GetProperty("evidence").GetString().Should().Be("signed form #77");
    }

    [Fact]
    public async Task Apply_refuses_an_import_with_errors_unless_told_to_skip_them()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await ImportFiles.DryRunAsync(account, """
            Email,DND SMS,Consent Method
            good@example.com,on,
            bad@example.com,on,fax
            """)).GetProperty("id").GetString()!;

        var problem = await Http.ProblemAsync(await account.Client.PostAsync($"/locations/contacts/imports/{id}/apply", null), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("skipInvalidRows");
        (await ImportFiles.ContactCountAsync(_app, account)).Should().Be(0);
        var applied = await ImportFiles.ApplyAsync(account, id, skipInvalidRows: true);
        (applied.GetProperty("created").GetInt32(), applied.GetProperty("skipped").GetInt32()).Should().Be((1, 1));
        (await ImportFiles.ContactCountAsync(_app, account)).Should().Be(1);
    }
}
