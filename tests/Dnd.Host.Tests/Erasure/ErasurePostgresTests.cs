using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using static Dnd.Host.Tests.Erasure.ErasureFlow;

namespace Dnd.Host.Tests.Erasure;

/// <summary>Erasure on PostgreSQL, where consent's rows (and the erased-address lookup) go through EF.</summary>
[Collection(PostgresCollection.Name)]
public class ErasurePostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task An_erased_contacts_addresses_come_back_opted_out_on_postgres()
    {
        await using var app = new DndApp(postgres: postgres.NewDatabase());
        var account = await TestAccount.CreateAsync(app);
        var (contact, phone, email) = await OptedOutContactAsync(app, account, "1490500");

        await EraseAsync(account, contact);

        (await account.LedgerAsync(contact)).EnumerateArray().Should().OnlyContain(l => l.GetProperty("explanation").GetString()!.StartsWith("[erased]")
                                                                                        || l.GetProperty("rule").GetString() == "ErasureRequest");
        await BornOptedOutAsync(account, phone, email, "555.149.0500");
    }

    [Fact]
    public async Task A_contact_erased_while_a_file_holding_it_uploads_is_blanked_from_that_file_on_postgres()
    {
        await using var app = new DndApp(postgres: postgres.NewDatabase());
        await ErasedDuringUploadAsync(app, "1490901");
    }
}
