using Dnd.Crm.Consent;
using Dnd.Crm.Integrations;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Suppressions;

/// <summary>
/// Imports a connected Mailgun domain's suppression lists as DND, a page per step: each entry is applied as the Mailgun
/// failure it stands for (mailgun-events.json: a bounce is a bounce DND, an unsubscribe an unsubscribe, a complaint a
/// spam lock), to the account's contacts with the address or to the address itself, with Mailgun's reason on the ledger.
/// Each entry is recorded as processed in the same write, so a step run again (a crash, a reconnect) adds nothing.
/// Run as a job (<see cref="SuppressionImportHandler"/>): the page is fetched before the step's write, applied in it.
/// </summary>
public sealed class SuppressionImport(CrmDbContext db, AccountWrites writes, ConsentApplier consent, AccountSettingsStore settings,
    IntegrationDirectory integrations, MailgunSuppressions mailgun, TimeProvider clock)
{
    /// <summary>The processed-event provider name of an imported entry.</summary>
    public const string Processed = "mailgun-suppression";

    /// <summary>The page a step at <paramref name="cursor"/> applies, read from Mailgun outside any write.</summary>
    /// <param name="cursor">Null at the start; then the page's <see cref="SuppressionPage.NextCursor"/>.</param>
    /// <exception cref="SuppressionCallException">Mailgun refused or did not answer.</exception>
    public async Task<SuppressionPage> FetchAsync(string accountId, string? cursor, CancellationToken ct)
    {
        var (listIndex, pageUrl) = Parse(cursor);
        if ((await integrations.LookupAsync(accountId, Channel.Email, ct)).Connection is not MailgunConnection connection)
        {
            return new SuppressionPage(MailgunSuppressionList.All[listIndex], [], null, "Mailgun is no longer connected; the import stopped");
        }
        var list = MailgunSuppressionList.All[listIndex];
        var (entries, next) = await mailgun.PageAsync(accountId, connection, list, pageUrl, ct);
        var nextCursor = next is not null ? Cursor(listIndex, next) : listIndex + 1 < MailgunSuppressionList.All.Count ? Cursor(listIndex + 1, null) : null;
        return new SuppressionPage(list, entries, nextCursor);
    }

    /// <summary>Applies a page's entries inside the caller's account write (the job's), which commits them.</summary>
    public async Task<SuppressionImportStep> ApplyAsync(string accountId, SuppressionPage page, CancellationToken ct)
    {
        if (page.Entries.Count == 0)
        {
            return new SuppressionImportStep(0, 0, []);
        }
        var (list, entries) = (page.List, page.Entries);
        var now = clock.GetUtcNow();
        var accountSettings = await settings.SettingsAsync(accountId, ct);
        await using var write = await writes.BeginAsync(accountId, ct);
        var addresses = entries.Select(e => e.Address).Distinct().ToList();
        var lifted = (await db.SuppressionRemovals.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.Status == SuppressionRemovalStatus.Pending && addresses.Contains(r.Address))
            .Select(r => r.Address).ToListAsync(ct)).ToHashSet();
        var (applied, unchanged, skipped) = (0, 0, new List<string>());
        foreach (var entry in entries)
        {
            if (lifted.Contains(entry.Address))
            {
                skipped.Add(entry.Address);
                continue;
            }
            var id = $"{list.Name}:{entry.Address}:{entry.CreatedAt}";
            if (db.ProcessedWebhooks.Local.Any(p => p.AccountId == accountId && p.Provider == Processed && p.EventId == id) ||
                await consent.Rows.FindProcessedAsync(accountId, Processed, id, ct) is not null)
            {
                unchanged++;
                continue;
            }
            consent.Rows.Add(new ProcessedWebhookRecord { AccountId = accountId, Provider = Processed, EventId = id, At = now });
            var decisions = await consent.ApplyToAddressAsync(accountId, AddressKind.Email, entry.Address, list.Event(entry), accountSettings, ct);
            if (decisions.Any(d => d.Decision.Changed))
            {
                applied++;
            }
            else
            {
                unchanged++;
            }
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return new SuppressionImportStep(applied, unchanged, skipped);
    }

    private static string Cursor(int listIndex, string? pageUrl) => $"{listIndex}|{pageUrl}";

    private static (int ListIndex, string? PageUrl) Parse(string? cursor)
    {
        if (cursor is null)
        {
            return (0, null);
        }
        var bar = cursor.IndexOf('|');
        return (int.Parse(cursor[..bar]), bar + 1 < cursor.Length ? cursor[(bar + 1)..] : null);
    }
}
