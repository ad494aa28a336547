using System.Text;
using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Imports;

/// <summary>A 100,000-row upload (about 7 MB): stored in chunks as it is read, never held whole. Takes ~10-20 s.</summary>
public class ImportStreamingTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const int Rows = 100_000;
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task A_100k_row_upload_is_stored_in_chunks_and_checked_without_materialising_the_file()
    {
        var account = await TestAccount.CreateAsync(_app);
        var file = new StringBuilder("First Name,Last Name,Email,Phone,DND SMS,DND Email,Tags\n");
        for (var i = 0; i < Rows; i++)
        {
            file.Append($"First{i},Last{i},person{i}@example.com,+1 555 {i:0000000},{(i % 3 == 0 ? "on" : "off")},,\"a, b\"\n");
        }
        file.Append("Bad,Row,not-an-email,,,,\n");
        var bytes = Encoding.UTF8.GetBytes(file.ToString());
        file.Clear();

        // Loose bound on the server's memory while it reads: materialising 100k rows as requests would take hundreds of MB.
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(20);
            }
        });
        var response = await account.Client.PostAsync("/locations/contacts/imports", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "text/csv" } } });
        await sampling.CancelAsync();
        await sampler;

        await Http.EnsureAsync(response, 201);
        var import = await Http.JsonAsync(response);
        (import.GetProperty("rows").GetInt32(), import.GetProperty("validRows").GetInt32(), import.GetProperty("rowsWithErrors").GetInt32())
            .Should().Be((Rows + 1, Rows, 1));
        // Every address is distinct, so every valid row is a new contact.
        import.GetProperty("newContacts").GetInt32().Should().Be(Rows);
        ImportFiles.Issues(import).Should().ContainSingle().Which.GetProperty("row").GetInt32().Should().Be(Rows + 1);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var id = import.GetProperty("id").GetString()!;
        var chunks = await db.ImportChunks.Where(c => c.ImportId == id).OrderBy(c => c.Index).Select(c => c.Data.Length).ToListAsync();
        chunks.Should().HaveCount((bytes.Length + ImportChunkRecord.Size - 1) / ImportChunkRecord.Size).And.OnlyContain(n => n <= ImportChunkRecord.Size);
        chunks.Sum().Should().Be(bytes.Length, "every byte is kept, in order, for the batches to re-read");
        (await db.Contacts.CountAsync(c => c.AccountId == account.Id)).Should().Be(0);
        (peak - baseline).Should().BeLessThan(200L * 1024 * 1024, $"peak managed heap grew by {(peak - baseline) / (1024 * 1024)} MB");
    }
}
