using Dnd.Activities.Persistence;
using System.Diagnostics;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Load;

/// <summary>
/// Seeds the contacts straight into the database the server created (the server is stopped meanwhile), through
/// the server's own EF model, so every column, converter and index is the server's, on either provider, in one
/// transaction. SMS-DND contacts get the state the server would store: the row's status and details, and the
/// phone's address consent.
/// </summary>
public static class Seeder
{
    public static DndDbContext Open(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        DatabaseProvider.Configure(options, provider, connectionString);
        return new DndDbContext(options.Options);
    }

    public static Task<TimeSpan> SeedAsync(string provider, string connectionString, string accountId, Population people) =>
        SeedAsync(provider, connectionString, accountId, people, people.Count, Population.Id, people.SmsBlocked);

    /// <summary>The first <paramref name="count"/> of the population's addresses, under ids of <paramref name="idOf"/>
    /// (contact ids are unique across accounts; phones and e-mails only within one).</summary>
    public static async Task<TimeSpan> SeedAsync(string provider, string connectionString, string accountId, Population people, int count,
        Func<int, string> idOf, Func<int, bool> smsBlocked)
    {
        var clock = Stopwatch.StartNew();
        await using var db = Open(provider, connectionString);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        var active = new ChannelDnd(DndStatus.Active, "bench_seed", "Seeded by bench/load.sh", "user", now);
        const int chunk = 5_000;
        for (var start = 0; start < count; start += chunk)
        {
            for (var i = start; i < Math.Min(count, start + chunk); i++)
            {
                // Distinct creation times, oldest first, so search pages are in seeding order.
                var created = now.AddMilliseconds(i - count);
                var row = new ContactRecord
                {
                    Id = idOf(i), AccountId = accountId, FirstName = "Bench", LastName = $"Contact {i}",
                    Email = Population.Email(i), EmailKey = Population.Email(i), Phone = people.Phone(i), PhoneKey = people.Phone(i),
                    Source = "bench seed", CreatedAt = created, UpdatedAt = created,
                };
                row.Tags = ["bench"];
                if (smsBlocked(i))
                {
                    var consent = ContactConsent.Restore(row.Id,
                        ChannelNames.All.Select(c => KeyValuePair.Create(c, c == Channel.Sms ? active : ChannelDnd.Off)), InboundDnd.Off, 0);
                    ContactConsentMapping.CopyToRow(consent, row);
                    var address = new AddressConsentRecord { AccountId = accountId, Address = people.Phone(i), UpdatedAt = now };
                    new AddressConsentState(address).Set(Channel.Sms, active, now);
                    db.AddressConsents.Add(address);
                }
                db.Contacts.Add(row);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync();
        return clock.Elapsed;
    }
}
