using Dnd.Activities.Persistence;
using Dnd.Crm.Imports;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Imports;

/// <summary>An import's file (every row's personal data) is kept only until it is applied, or until the retention expires it.</summary>
public class ImportRetentionTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task An_applied_import_keeps_its_counts_and_problems_but_not_its_file_and_its_problems_quote_no_address()
    {
        var account = await TestAccount.CreateAsync(_app);
        await account.CreateContactAsync(new { email = "ann.1510@example.com" });
        await account.CreateContactAsync(new { phone = "+15550151001" });
        var id = (await ImportFiles.DryRunAsync(account, "Email,Phone\nnew.1510@example.com,\nann.1510@example.com,+15550151001\n")).GetProperty("id").GetString()!;

        var import = await ImportFiles.ApplyAsync(account, id);

        (import.GetProperty("status").GetString(), import.GetProperty("rows").GetInt32(), import.GetProperty("created").GetInt32(),
            import.GetProperty("skipped").GetInt32()).Should().Be(("applied", 2, 1, 1));
        var conflict = ImportFiles.Issues(import).Should().ContainSingle(i => i.GetProperty("row").GetInt32() == 2).Subject.GetProperty("message").GetString();
        conflict.Should().Contain("is contact").And.NotContain("ann.1510").And.NotContain("5550151001", "a problem outlives the file, so it names columns and contacts");
        (await ChunksAsync(id)).Should().Be(0, "an applied import's file is only a copy of its contacts' data");
    }

    [Fact]
    public async Task An_import_not_applied_within_the_retention_loses_its_file_and_can_no_longer_be_applied()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await ImportFiles.DryRunAsync(account, "Email\nkept.1510@example.com\n")).GetProperty("id").GetString()!;
        var retention = _app.Services.GetRequiredService<ImportRetention>();
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        await retention.ExpireAsync(now - TimeSpan.FromMinutes(1), CancellationToken.None);
        (await ChunksAsync(id)).Should().BePositive("an import changed since the cutoff is kept");

        (await retention.ExpireAsync(now + TimeSpan.FromMinutes(1), CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);

        (await ChunksAsync(id)).Should().Be(0);
        var import = await Http.JsonAsync(await account.Client.GetAsync($"/locations/contacts/imports/{id}"));
        (import.GetProperty("status").GetString(), import.GetProperty("rows").GetInt32()).Should().Be(("expired", 1));
        await Http.ProblemAsync(await account.Client.PostAsync($"/locations/contacts/imports/{id}/apply", null), 409);
        (await ImportFiles.ContactCountAsync(_app, account)).Should().Be(0);
    }

    private async Task<int> ChunksAsync(string importId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().ImportChunks.CountAsync(c => c.ImportId == importId);
    }
}
