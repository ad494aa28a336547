using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Persistence;
using Dnd.Crm.Persistence.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Tests.Persistence;

/// <summary>
/// The raw rows of the hot write path use EF's own mapping: what EF writes, <see cref="SqliteRows"/> reads back as
/// the same entity, and what it writes EF reads back the same (DateTimeOffsets with their offset, bools, nullable
/// columns, the database-generated ledger id), and a change updates every column of its row by key.
/// </summary>
public class SqliteRowsTests
{
    private static readonly TimeSpan PlusTwo = TimeSpan.FromHours(2);
    private static readonly TimeSpan MinusFiveThirty = -TimeSpan.FromHours(5.5);

    private static string NewDatabase()
    {
        var connectionString = $"Data Source={TempFiles.NewDatabase()}";
        using var db = Context(connectionString);
        db.Database.EnsureCreated();
        return connectionString;
    }

    private static DndDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<DndDbContext>().UseSqlite(connectionString).Options);

    private static RowMaps Maps(string connectionString)
    {
        using var db = Context(connectionString);
        return new RowMaps(db.Model);
    }

    private static ContactRecord FullContact(string id, string accountId) => new()
    {
        Id = id,
        AccountId = accountId,
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = "ada@example.com",
        Phone = "+15550100",
        EmailKey = "ada@example.com",
        PhoneKey = "+15550100",
        CompanyName = "Analytical Engines",
        TimeZone = "Europe/London",
        Source = "api",
        TagsText = "|vip|beta|",
        CustomFieldsJson = """[{"id":"f1","value":3}]""",
        CreatedAt = new DateTimeOffset(2024, 3, 4, 5, 6, 7, 891, PlusTwo),
        UpdatedAt = new DateTimeOffset(2025, 11, 12, 23, 59, 58, 123, MinusFiveThirty),
        DndCall = 1,
        DndEmail = 2,
        DndSms = 3,
        DndWhatsApp = 4,
        DndFb = 5,
        DndGmb = 6,
        DndDetailsJson = """{"sms":{"code":"STOP"}}""",
        InboundDnd = true,
        InboundDndMessage = "STOP received",
        LedgerSequence = 77,
        Revision = 9,
        ReviewHolds = "|SMS|",
    };

    private static ContactRecord SparseContact(string id, string accountId) => new()
    {
        Id = id,
        AccountId = accountId,
        CreatedAt = new DateTimeOffset(2023, 1, 2, 3, 4, 5, 6, MinusFiveThirty),
        UpdatedAt = new DateTimeOffset(2023, 1, 2, 3, 4, 5, 7, PlusTwo),
        DndSms = 1,
        InboundDnd = false,
        LedgerSequence = 1,
        Revision = 1,
    };

    /// <summary>Guards the round trips: a property left at its default would pass whatever the mapping did to it.</summary>
    private static void EveryPropertySet(object entity)
    {
        foreach (var property in entity.GetType().GetProperties().Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(entity);
            var type = property.PropertyType;
            var isDefault = value is null || (type.IsValueType && value.Equals(Activator.CreateInstance(type))) || value is string { Length: 0 };
            isDefault.Should().BeFalse($"{entity.GetType().Name}.{property.Name} must be set for the round trip to test its column");
        }
    }

    private static void SameInstants(DateTimeOffset actual, DateTimeOffset expected, string what)
    {
        actual.UtcTicks.Should().Be(expected.UtcTicks, what);
        actual.Offset.Should().Be(expected.Offset, what + " keeps its offset");
    }

    private static void SameContact(ContactRecord actual, ContactRecord expected)
    {
        actual.Should().BeEquivalentTo(expected, o => o.Excluding(c => c.Tags));
        actual.Tags.Should().Equal(expected.Tags);
        SameInstants(actual.CreatedAt, expected.CreatedAt, "CreatedAt");
        SameInstants(actual.UpdatedAt, expected.UpdatedAt, "UpdatedAt");
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task A_contact_written_by_EF_is_read_back_by_rows_with_every_property_equal()
    {
        var connectionString = NewDatabase();
        var full = FullContact("c-full", "acct-1");
        var sparse = SparseContact("c-sparse", "acct-1");
        EveryPropertySet(full);
        await using (var db = Context(connectionString))
        {
            db.Contacts.AddRange(full, sparse);
            await db.SaveChangesAsync();
        }
        await using var connection = await OpenAsync(connectionString);
        var rows = new SqliteRows(connection, Maps(connectionString));

        var readFull = rows.Query<ContactRecord>("\"Id\" = $p0", "c-full").Should().ContainSingle().Subject;
        var readSparse = rows.Query<ContactRecord>("\"Id\" = $p0", "c-sparse").Should().ContainSingle().Subject;

        SameContact(readFull, full);
        readFull.InboundDnd.Should().BeTrue();
        SameContact(readSparse, sparse);
        readSparse.FirstName.Should().BeNull();
        readSparse.Email.Should().BeNull();
        readSparse.EmailKey.Should().BeNull();
        readSparse.InboundDndMessage.Should().BeNull();
        readSparse.InboundDnd.Should().BeFalse();

        rows.Query<ContactRecord>("\"AccountId\" = $p0 AND \"InboundDnd\" = $p1 ORDER BY \"Id\"", "acct-1", true)
            .Select(c => c.Id).Should().Equal(["c-full"], "bools are compared as EF stores them");
        rows.Query<ContactRecord>("\"AccountId\" = $p0 ORDER BY \"Id\"", "acct-1").Select(c => c.Id).Should().Equal("c-full", "c-sparse");
        rows.Query<ContactRecord>("\"AccountId\" = $p0", "acct-other").Should().BeEmpty();
        rows.Exists("SELECT 1 FROM \"Contacts\" WHERE \"Id\" = $p0", "c-sparse").Should().BeTrue();
        rows.Exists("SELECT 1 FROM \"Contacts\" WHERE \"Id\" = $p0", "c-none").Should().BeFalse();
    }

    [Fact]
    public async Task Ledger_lines_and_messages_added_by_rows_are_read_back_by_EF_identically()
    {
        var connectionString = NewDatabase();
        var line1 = new LedgerRecord
        {
            AccountId = "acct-1", ContactId = "c-1", Address = "+15550100", Sequence = 1,
            At = new DateTimeOffset(2024, 6, 7, 8, 9, 10, 456, PlusTwo), Event = "opt-out", Actor = "contact",
            Channel = "sms", Verdict = "blocked", Before = "allowed", After = "blocked", Rule = "stop-keyword",
            PolicyRule = "tcpa", Explanation = "Replied STOP", FiredRules = "stop-keyword, tcpa",
            ProofJson = """{"method":"Written"}""", ActedBy = "api key 'ops' (key_1234abcd)", ClientIp = "203.0.113.7",
        };
        var line2 = new LedgerRecord
        {
            AccountId = "acct-1", ContactId = "c-1", Sequence = 2,
            At = new DateTimeOffset(2024, 6, 7, 8, 9, 11, 789, MinusFiveThirty), Event = "opt-in", Actor = "api",
            Verdict = "allowed", Rule = "manual", Explanation = "Re-subscribed",
        };
        var blocked = new MessageRecord
        {
            Id = "m-1", AccountId = "acct-1", ContactId = "c-1", Channel = "sms", Direction = "outbound",
            Status = MessageStatus.Cancelled, Subject = "Hi", Body = "Hello", HeadersJson = """{"x":"1"}""",
            WorkflowInstanceId = "wf-1", StatusReason = "opted out", LedgerSequence = 42, Purpose = "opt-out-confirmation",
            NotAfter = new DateTimeOffset(2024, 6, 7, 8, 14, 12, 5, PlusTwo),
            NotBefore = new DateTimeOffset(2024, 6, 7, 9, 0, 0, 0, PlusTwo),
            ClaimedAt = new DateTimeOffset(2024, 6, 7, 9, 0, 1, 0, PlusTwo),
            Attempts = 2,
            ProviderMessageId = "SM0123456789abcdef0123456789abcdef",
            ProviderErrorCode = "21610",
            ProviderStatus = "undelivered",
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            CreatedAt = new DateTimeOffset(2024, 6, 7, 8, 9, 12, 5, PlusTwo),
        };
        var plain = new MessageRecord
        {
            Id = "m-2", AccountId = "acct-1", ContactId = "c-1", Channel = "email", Direction = "inbound",
            Status = MessageStatus.Queued, Body = "", LedgerSequence = null,
            CreatedAt = new DateTimeOffset(2024, 6, 7, 8, 9, 13, 999, MinusFiveThirty),
        };
        EveryPropertySet(blocked);
        foreach (var property in typeof(LedgerRecord).GetProperties().Where(p => p.Name != nameof(LedgerRecord.Id)))
        {
            property.GetValue(line1).Should().NotBeNull($"LedgerRecord.{property.Name} must be set for the round trip to test its column");
        }

        await using (var connection = await OpenAsync(connectionString))
        {
            var rows = new SqliteRows(connection, Maps(connectionString));
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            rows.Transaction = transaction;
            rows.Add(line1);
            rows.Add(line2);
            rows.Add(blocked);
            rows.Add(plain);
            rows.Flush();
            await transaction.CommitAsync();
        }

        await using var db = Context(connectionString);
        var lines = await db.Ledger.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync();
        lines.Should().HaveCount(2);
        lines.Should().OnlyContain(l => l.Id > 0, "the ledger id is generated by the database");
        lines.Select(l => l.Id).Should().OnlyHaveUniqueItems();
        lines[0].Should().BeEquivalentTo(line1, o => o.Excluding(l => l.Id));
        lines[1].Should().BeEquivalentTo(line2, o => o.Excluding(l => l.Id));
        SameInstants(lines[0].At, line1.At, "ledger At");
        SameInstants(lines[1].At, line2.At, "ledger At");

        var messages = await db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        messages.Should().HaveCount(2);
        messages[0].Should().BeEquivalentTo(blocked);
        messages[0].LedgerSequence.Should().Be(42);
        SameInstants(messages[0].CreatedAt, blocked.CreatedAt, "message CreatedAt");
        messages[1].Should().BeEquivalentTo(plain);
        messages[1].LedgerSequence.Should().BeNull();
        messages[1].Subject.Should().BeNull();
        SameInstants(messages[1].CreatedAt, plain.CreatedAt, "message CreatedAt");

        // EF can filter and order on what rows stored (same encoding), not only materialise it.
        (await db.Messages.AsNoTracking().Where(m => m.LedgerSequence == 42).Select(m => m.Id).ToListAsync()).Should().Equal("m-1");
        (await db.Messages.AsNoTracking().Where(m => m.LedgerSequence == null).Select(m => m.Id).ToListAsync()).Should().Equal("m-2");
        (await db.Ledger.AsNoTracking().Where(l => l.At == line2.At).Select(l => l.Sequence).ToListAsync()).Should().Equal(2L);
    }

    [Fact]
    public async Task Rows_staged_in_a_transaction_that_rolls_back_are_not_kept()
    {
        var connectionString = NewDatabase();
        await using (var connection = await OpenAsync(connectionString))
        {
            var rows = new SqliteRows(connection, Maps(connectionString));
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            rows.Transaction = transaction;
            rows.Add(SparseContact("c-1", "acct-1"));
            rows.Flush();
            rows.Query<ContactRecord>("\"Id\" = $p0", "c-1").Should().ContainSingle("the transaction sees its own write");
            await transaction.RollbackAsync();
        }

        await using var db = Context(connectionString);
        (await db.Contacts.AsNoTracking().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Changed_updates_every_column_of_its_row_by_key_and_fails_when_the_row_is_gone()
    {
        var connectionString = NewDatabase();
        var original = SparseContact("c-1", "acct-1");
        var bystander = FullContact("c-2", "acct-1");
        await using (var db = Context(connectionString))
        {
            db.Contacts.AddRange(original, bystander);
            await db.SaveChangesAsync();
        }
        var changed = FullContact("c-1", "acct-2");
        changed.Email = changed.EmailKey = "other@example.com";
        changed.Phone = changed.PhoneKey = "+15550199";
        changed.CreatedAt = new DateTimeOffset(2020, 2, 29, 12, 0, 0, 1, MinusFiveThirty);
        changed.UpdatedAt = new DateTimeOffset(2026, 7, 8, 9, 10, 11, 12, PlusTwo);
        changed.Revision = 10;
        EveryPropertySet(changed);

        await using var connection = await OpenAsync(connectionString);
        var rows = new SqliteRows(connection, Maps(connectionString));
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            rows.Transaction = transaction;
            rows.Changed(changed);
            rows.Changed(changed);
            rows.Flush();
            await transaction.CommitAsync();
        }

        await using (var db = Context(connectionString))
        {
            var read = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == "c-1");
            SameContact(read, changed);
            var untouched = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == "c-2");
            SameContact(untouched, bystander);
        }

        // Back to nulls and false: an update writes null columns too, not only the set ones.
        var cleared = SparseContact("c-1", "acct-1");
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            rows.Transaction = transaction;
            rows.Changed(cleared);
            rows.Flush();
            await transaction.CommitAsync();
        }
        await using (var db = Context(connectionString))
        {
            SameContact(await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == "c-1"), cleared);
        }

        await using (var db = Context(connectionString))
        {
            await db.Contacts.Where(c => c.Id == "c-1").ExecuteDeleteAsync();
        }
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            rows.Transaction = transaction;
            rows.Changed(changed);
            rows.Invoking(r => r.Flush()).Should().Throw<InvalidOperationException>().WithMessage("*gone*");
            rows.Discard();
            await transaction.RollbackAsync();
        }
        await using (var db = Context(connectionString))
        {
            (await db.Contacts.AsNoTracking().Select(c => c.Id).ToListAsync()).Should().Equal("c-2");
        }
    }

    [Fact]
    public async Task A_row_read_here_and_changed_writes_only_the_columns_that_differ()
    {
        var connectionString = NewDatabase();
        await using (var db = Context(connectionString))
        {
            db.Contacts.Add(FullContact("c-1", "acct-1"));
            await db.SaveChangesAsync();
        }
        await using var connection = await OpenAsync(connectionString);
        var rows = new SqliteRows(connection, Maps(connectionString));
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        rows.Transaction = transaction;
        var read = rows.Query<ContactRecord>("\"Id\" = $p0", "c-1").Single();
        // Written behind the read's back: an update of every column would put the name it read back.
        await using (var behind = connection.CreateCommand())
        {
            behind.Transaction = transaction;
            behind.CommandText = "UPDATE \"Contacts\" SET \"FirstName\" = 'Written meanwhile' WHERE \"Id\" = 'c-1'";
            await behind.ExecuteNonQueryAsync();
        }
        read.DndSms = 2;
        read.Revision++;
        rows.Changed(read);
        rows.Flush();
        await transaction.CommitAsync();

        await using var check = Context(connectionString);
        var stored = await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == "c-1");
        stored.DndSms.Should().Be(2);
        stored.Revision.Should().Be(read.Revision);
        stored.FirstName.Should().Be("Written meanwhile", "only the columns the change made differ are written");
    }

    [Fact]
    public async Task A_row_both_added_and_changed_is_inserted_once()
    {
        var connectionString = NewDatabase();
        await using var connection = await OpenAsync(connectionString);
        var rows = new SqliteRows(connection, Maps(connectionString));
        var contact = SparseContact("c-1", "acct-1");
        rows.Add(contact);
        contact.FirstName = "Late";
        rows.Changed(contact);

        rows.Flush();

        await using var db = Context(connectionString);
        var read = await db.Contacts.AsNoTracking().SingleAsync();
        SameContact(read, contact);
        read.FirstName.Should().Be("Late", "an added row is inserted as it is at the flush");
    }
}
