using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Imports;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dnd.Host.Tests.Erasure.ErasureFlow;

namespace Dnd.Host.Tests.Erasure;

/// <summary>Erasure removes a contact's personal data everywhere but keeps its opt-outs, hashed per account, so the address stays suppressed.</summary>
public class ErasureTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task An_erased_contact_leaves_no_personal_data_and_its_address_comes_back_opted_out()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/",
            new { url = "https://127.0.0.1:9/hook", events = new[] { "ContactDndUpdate", "ConsentLedgerEntry" } }), 201);
        var (contact, phone, email) = await OptedOutContactAsync(_app, account, "1490001");
        var decisionsBefore = (await account.LedgerAsync(contact)).GetArrayLength();
        string[] personal = [phone, "5551490001", email, "Zephyrine1490001", "Quillfeather1490001", "Quillworks1490001", "Zeph1490001", "tag1490001"];
        (await PlaintextScan.FindAsync(_app.DatabasePath, personal)).Should().Contain(["Contacts.Phone", "Contacts.Email", "Contacts.CustomFieldsJson",
            "Messages.Body", "OptOutReviews.Body", "AddressConsents.Address", "WebhookDeliveries.Body"], "the scan sees the data it is to find gone");

        var receipt = await EraseAsync(account, contact);

        receipt.GetProperty("receiptId").GetInt64().Should().BePositive();
        receipt.GetProperty("keptOptOuts").GetProperty("phone").EnumerateArray().Select(c => c.GetString()).Should().Contain("SMS");
        receipt.GetProperty("keptOptOuts").GetProperty("email").EnumerateArray().Select(c => c.GetString()).Should().Contain("Email");
        (await PlaintextScan.FindAsync(_app.DatabasePath, personal)).Should().BeEmpty("no table keeps the erased contact's personal data");
        await Http.ProblemAsync(await account.Client.GetAsync($"/contacts/{contact}"), 404);

        var ledger = (await account.LedgerAsync(contact)).EnumerateArray().ToList();
        ledger.Should().HaveCount(decisionsBefore + 1, "every decision stays, and the erasure is a line of its own");
        ledger.Should().Contain(l => l.GetProperty("rule").GetString() != "ErasureRequest" && l.GetProperty("channel").GetString() == "SMS"
                                     && l.GetProperty("verdict").GetString() == "Applied" && l.GetProperty("after").GetString() == "Permanent");
        ledger.Last().GetProperty("rule").GetString().Should().Be("ErasureRequest");
        ledger.Last().GetProperty("id").GetInt64().Should().Be(receipt.GetProperty("receiptId").GetInt64());
        ledger.Last().GetProperty("actedBy").GetString().Should().Contain(TestAccount.KeyName, "the erasure names who asked for it");

        await BornOptedOutAsync(account, phone, email, "(555) 149-0001");
    }

    [Fact]
    public async Task No_copy_is_left_in_imports_audit_lines_job_problems_idempotency_keys_nor_the_database_files()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/",
            new { url = "https://127.0.0.1:9/hook", events = new[] { "ContactDndUpdate", "ConsentLedgerEntry" } }), 201);
        var (contact, phone, email) = await OptedOutContactAsync(_app, account, "1490700");
        // Applied before the erasure: its file goes as it is applied, and its counts stay.
        var first = (await ImportFiles.DryRunAsync(account, $"Email,Business Name\n{email},Quillworks1490700 Ltd\n")).GetProperty("id").GetString()!;
        var applied = await ImportFiles.ApplyAsync(account, first);
        applied.GetProperty("updated").GetInt32().Should().Be(1);
        // Held (not applied yet) when the contact is erased: the contact's row is the second of three.
        var held = (await ImportFiles.DryRunAsync(account, $"First Name,Email,Phone\nOlwen,olwen.1490700@example.com,\nZephyrine1490700,{email},(555) 149-0700\n" +
                                                           "Ifor,ifor.1490700@example.com,\n")).GetProperty("id").GetString()!;
        await SeededTraces.WriteAsync(_app, account, email);
        string[] personal = [phone, "5551490700", email, "Zephyrine1490700", "Quillfeather1490700", "Quillworks1490700", "Zeph1490700", "tag1490700"];
        (await PlaintextScan.FindAsync(_app.DatabasePath, personal)).Should().Contain(["Contacts.Email", "Messages.Body", "OptOutReviews.Body",
            "AddressConsents.Address", "WebhookDeliveries.Body", "ImportChunks.Data", "IntegrationEvents.Detail", "JobItems.Reference", "JobItems.Message",
            "ProcessedWebhooks.EventId", "SuppressionRemovals.Address", "SmartLists.Query"], "the scan sees each copy it is to find gone");
        RawFileScan.Find(_app.DatabasePath, email).Should().NotBeEmpty("the files hold the address before");

        var receipt = await EraseAsync(account, contact);

        receipt.GetProperty("counts").GetProperty("importRows").GetInt32().Should().Be(1);
        receipt.GetProperty("counts").GetProperty("traces").GetInt32().Should().Be(4);
        (await PlaintextScan.FindAsync(_app.DatabasePath, personal)).Should().BeEmpty("no table keeps the erased contact's personal data");
        RawFileScan.Find(_app.DatabasePath, personal).Should().BeEmpty("no free page nor WAL frame keeps it either");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        // Pending or not, a delivery about the contact now says only that it is erased, so a receiver drops its copy.
        (await db.WebhookDeliveries.Where(d => d.AccountId == account.Id && d.Subject == contact).Select(d => d.Body).ToListAsync())
            .Should().NotBeEmpty().And.OnlyContain(b => b.Contains("\"erased\":true") && b.Contains(contact));

        // The held import now reports the row and leaves it out: the contact is not re-created from the file.
        var import = await Http.JsonAsync(await account.Client.GetAsync($"/locations/contacts/imports/{held}"));
        (import.GetProperty("validRows").GetInt32(), import.GetProperty("rowsWithErrors").GetInt32()).Should().Be((2, 1));
        ImportFiles.Issues(import).Should().ContainSingle(i => i.GetProperty("row").GetInt32() == 2 && i.GetProperty("kind").GetString() == "error")
            .Which.GetProperty("message").GetString().Should().Contain("erased");
        await Http.ProblemAsync(await account.Client.PostAsync($"/locations/contacts/imports/{held}/apply", null), 422);
        var after = await ImportFiles.ApplyAsync(account, held, skipInvalidRows: true);
        (after.GetProperty("created").GetInt32(), after.GetProperty("skipped").GetInt32()).Should().Be((2, 1));
        (await db.Contacts.Where(c => c.AccountId == account.Id).Select(c => c.FirstName).ToListAsync()).Should().BeEquivalentTo(["Olwen", "Ifor"]);
        (await db.ImportChunks.CountAsync(c => c.ImportId == held || c.ImportId == first)).Should().Be(0);
    }

    [Fact]
    public async Task A_contact_erased_while_a_file_holding_it_uploads_is_blanked_from_that_file_when_the_upload_ends() =>
        await ErasedDuringUploadAsync(_app, "1490900");

    [Fact]
    public async Task An_inbound_message_or_a_provider_event_for_an_erased_address_finds_it_opted_out()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, phone, email) = await OptedOutContactAsync(_app, account, "1490400");
        await EraseAsync(account, contact);

        await Http.EnsureAsync(await Twilio.InboundAsync(_app, account, phone, "hello again"), 200);
        await Http.EnsureAsync(await Mailgun.PostAsync(_app, account, email, "delivered"), 200);
        await Http.EnsureAsync(await Mailgun.PostAsync(_app, account, email, "failed", severity: "permanent", reason: "bounce"), 200);

        var byPhone = await Http.JsonAsync(await account.Client.GetAsync($"/consent/addresses/{Uri.EscapeDataString(phone)}"));
        var made = byPhone.GetProperty("contactIds").EnumerateArray().Single().GetString()!;
        (await account.DndStatusAsync(made, "SMS")).Should().Be("permanent", "the contact an inbound text makes is born opted out");
        var byEmail = await Http.JsonAsync(await account.Client.GetAsync($"/consent/addresses/{email}"));
        byEmail.GetProperty("channels").GetProperty("Email").GetProperty("status").GetString().Should().Be("permanent");
        byEmail.GetProperty("ledger").EnumerateArray().Select(l => l.GetProperty("rule").GetString()).Should().Contain("OptOutKeptThroughErasure");
    }

    [Fact]
    public async Task A_csv_import_of_an_erased_address_makes_a_contact_opted_out_from_birth()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, phone, email) = await OptedOutContactAsync(_app, account, "1490600");
        await EraseAsync(account, contact);

        var import = await ImportFiles.DryRunAsync(account, $"First Name,Email,Phone\nBack,{email.ToUpperInvariant()},(555) 149-0600\n");
        await ImportFiles.ApplyAsync(account, import.GetProperty("id").GetString()!);

        var made = (await Http.JsonAsync(await account.Client.GetAsync($"/consent/addresses/{email}"))).GetProperty("contactIds").EnumerateArray().Single().GetString()!;
        (await account.DndStatusAsync(made, "Email")).Should().Be("permanent");
        (await account.DndStatusAsync(made, "SMS")).Should().Be("permanent");
    }

    [Fact]
    public async Task Erasing_an_unknown_or_another_accounts_contact_is_404_and_changes_nothing()
    {
        var owner = await TestAccount.CreateAsync(_app);
        var other = await TestAccount.CreateAsync(_app);
        var contact = Id(await owner.CreateContactAsync(new { firstName = "Ottoline", phone = "+15551490100" }));

        await Http.ProblemAsync(await other.Client.PostAsync($"/contacts/{contact}/erasure", null), 404);
        await Http.ProblemAsync(await owner.Client.PostAsync("/contacts/no-such-contact/erasure", null), 404);
        await Http.ProblemAsync(await other.Client.GetAsync($"/contacts/{contact}/export"), 404);

        (await owner.GetContactAsync(contact)).GetProperty("firstName").GetString().Should().Be("Ottoline");
        await EraseAsync(owner, contact);
        // A second erasure finds nothing to erase.
        await Http.ProblemAsync(await owner.Client.PostAsync($"/contacts/{contact}/erasure", null), 404);
    }

    [Fact]
    public async Task The_access_export_holds_the_fields_the_ledger_and_the_messages()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, phone, email) = await OptedOutContactAsync(_app, account, "1490200");

        var response = await account.Client.GetAsync($"/contacts/{contact}/export");
        await Http.EnsureAsync(response, 200);
        var export = await Http.JsonAsync(response);

        var fields = export.GetProperty("contact");
        (fields.GetProperty("firstName").GetString(), fields.GetProperty("phone").GetString(), fields.GetProperty("email").GetString())
            .Should().Be(("Zephyrine1490200", phone, email));
        fields.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Contain("tag1490200");
        fields.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
        export.GetProperty("addresses").GetProperty(phone).GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
        export.GetProperty("ledger").EnumerateArray().Should().Contain(l => l.GetProperty("channel").GetString() == "SMS" && l.GetProperty("verdict").GetString() == "Applied");
        var bodies = export.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList();
        bodies.Should().Contain(b => b!.StartsWith("Hello Zephyrine1490200")).And.Contain("STOP");
    }

    [Fact]
    public async Task Each_account_hashes_with_its_own_salt_and_one_accounts_erasure_suppresses_nothing_elsewhere()
    {
        var first = await TestAccount.CreateAsync(_app);
        var second = await TestAccount.CreateAsync(_app);
        var (inFirst, phone, _) = await OptedOutContactAsync(_app, first, "1490300");

        await EraseAsync(first, inFirst);
        var inSecond = Id(await second.CreateContactAsync(new { phone }));
        (await second.DndStatusAsync(inSecond, "SMS")).Should().Be("inactive", "an erasure in another account is no opt-out here");
        await Http.EnsureAsync(await Twilio.InboundAsync(_app, second, phone, "STOP"), 200);
        await EraseAsync(second, inSecond);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var hashes = await db.ErasedAddresses.Where(e => e.AccountId == first.Id || e.AccountId == second.Id).ToListAsync();
            hashes.Select(h => h.Hash).Should().OnlyHaveUniqueItems("the same phone hashes differently in each account").And.HaveCount(3);
        }
    }
}
