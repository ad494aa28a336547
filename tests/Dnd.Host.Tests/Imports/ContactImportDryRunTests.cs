using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Imports;

public class ContactImportDryRunTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task The_dry_run_lists_each_bad_rows_errors_by_row_and_column_and_writes_no_contact()
    {
        var account = await TestAccount.CreateAsync(_app);
        var before = await ImportFiles.ContactCountAsync(_app, account);

        var import = await ImportFiles.DryRunAsync(account, """
            First Name,Last Name,Email,Phone,DND SMS,DND Email,Inbound DND,Favourite Colour
            Ann,Lee,Ann@Example.com ,(555) 010-3001,on,,,blue
            Bob,,not-an-email,12,maybe,,sometimes,
            Cy,,cy@example.com,+1 555 010 3003,,off,off,
            Dee,,,,,,,
            """);

        import.GetProperty("status").GetString().Should().Be("validated");
        import.GetProperty("rows").GetInt32().Should().Be(4);
        import.GetProperty("validRows").GetInt32().Should().Be(2);
        import.GetProperty("rowsWithErrors").GetInt32().Should().Be(2);
        import.GetProperty("newContacts").GetInt32().Should().Be(2);
        import.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()).Should().Equal("Favourite Colour");
        ImportFiles.Issues(import).Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString(), i.GetProperty("kind").GetString()))
            .Should().BeEquivalentTo(new[]
            {
                (2, "Email", "error"), (2, "Phone", "error"), (2, "DND SMS", "error"), (2, "Inbound DND", "error"), (4, (string?)null, "error"),
            });
        ImportFiles.Issues(import).First(i => i.GetProperty("column").GetString() == "DND SMS").GetProperty("message").GetString()
            .Should().Contain("\"maybe\"").And.Contain("on, off or permanent");
        (await ImportFiles.ContactCountAsync(_app, account)).Should().Be(before, "a dry run writes no contact");

        // The errors page by "after", and GET shows the same import.
        var id = import.GetProperty("id").GetString()!;
        var first = await Http.JsonAsync(await account.Client.GetAsync($"/locations/contacts/imports/{id}/errors?limit=3"));
        first.GetProperty("issues").GetArrayLength().Should().Be(3);
        var after = first.GetProperty("nextAfter").GetInt64();
        var rest = await Http.JsonAsync(await account.Client.GetAsync($"/locations/contacts/imports/{id}/errors?after={after}"));
        rest.GetProperty("issues").GetArrayLength().Should().Be(2);
        rest.GetProperty("nextAfter").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await Http.JsonAsync(await account.Client.GetAsync($"/locations/contacts/imports/{id}"))).GetProperty("rows").GetInt32().Should().Be(4);
        await Http.ProblemAsync(await account.Client.GetAsync($"/locations/contacts/imports/{id}/errors?limit=0"), 422);
    }

    [Theory]
    [InlineData("First Name,Last Name\nAnn,Lee\n", "Email")]
    [InlineData("Email,DND Fax\nann@example.com,on\n", "DND Fax")]
    [InlineData("Email,email\nann@example.com,ann@example.com\n", "Email")]
    [InlineData("", "Email")]
    public async Task A_header_the_import_cannot_read_is_one_422_naming_the_column_and_keeps_nothing(string csv, string column)
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await ImportFiles.UploadAsync(account, csv), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Contain(column);
        await using var scope = _app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DndDbContext>().Imports.CountAsync(i => i.AccountId == account.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Bad_requests_are_problems_not_server_errors()
    {
        var account = await TestAccount.CreateAsync(_app);

        await Http.ProblemAsync(await account.Client.PostAsync("/locations/contacts/imports", new StringContent("Email\na@b.c", System.Text.Encoding.UTF8, "application/json")), 415);
        await Http.ProblemAsync(await account.Client.GetAsync("/locations/contacts/imports/nope"), 404);
        await Http.ProblemAsync(await account.Client.PostAsync("/locations/contacts/imports/nope/apply", null), 404);
        var other = await TestAccount.CreateAsync(_app);
        var theirs = (await ImportFiles.DryRunAsync(other, "Email\nx@example.com\n")).GetProperty("id").GetString();
        await Http.ProblemAsync(await account.Client.GetAsync($"/locations/contacts/imports/{theirs}"), 404);
    }

    [Fact]
    public async Task Duplicates_on_the_normalized_address_are_merged_into_one_contact_and_noted()
    {
        var account = await TestAccount.CreateAsync(_app);
        await account.CreateContactAsync(new { email = "zed@example.com", firstName = "Zed" });

        var import = await ImportFiles.DryRunAsync(account, """
            First Name,Last Name,Email,Phone,DND SMS
            Eve,,,+1 555 010 3020,
            ,Ng,,(555) 010-3020,on
            ,Zee,ZED@example.com ,,
            """);

        import.GetProperty("newContacts").GetInt32().Should().Be(1);
        import.GetProperty("duplicates").GetInt32().Should().Be(1);
        import.GetProperty("updates").GetInt32().Should().Be(1);
        var note = ImportFiles.Issues(import).Should().ContainSingle().Subject;
        (note.GetProperty("row").GetInt32(), note.GetProperty("column").GetString(), note.GetProperty("kind").GetString()).Should().Be((2, "Phone", "note"));
        note.GetProperty("message").GetString().Should().Contain("row 1");

        var applied = await ImportFiles.ApplyAsync(account, import.GetProperty("id").GetString()!);

        applied.GetProperty("status").GetString().Should().Be("applied");
        (await ImportFiles.ContactCountAsync(_app, account)).Should().Be(2, "Zed was updated and the two rows of one phone made one contact");
        var exported = await ImportFiles.ReadCsvAsync(await account.Client.GetAsync("/locations/contacts/export.csv"));
        var eve = exported.Single(r => r["Phone"] == "+15550103020");
        (eve["First Name"], eve["Last Name"], eve["DND SMS"]).Should().Be(("Eve", "Ng", "on"));
        exported.Single(r => r["Email"] == "zed@example.com")["Last Name"].Should().Be("Zee");
    }
}
