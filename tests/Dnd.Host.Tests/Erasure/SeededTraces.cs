using Dnd.Activities.Persistence;
using Dnd.Crm.Integrations;
using Dnd.Crm.Persistence;
using Dnd.Crm.Suppressions;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Erasure;

/// <summary>
/// Rows quoting an email address that only a Mailgun connection's background work writes (a suppression removal, its
/// audit line, a suppression import's skipped entry and idempotency key), written here as that work writes them; and
/// a smart list saved while searching for the address.
/// </summary>
public static class SeededTraces
{
    public static async Task WriteAsync(DndApp app, TestAccount account, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var now = DateTimeOffset.UtcNow;
        var job = Guid.NewGuid().ToString("N");
        db.Jobs.Add(new JobRecord { Id = job, AccountId = account.Id, Kind = SuppressionImportHandler.JobKind, ParametersJson = "{}", ActedBy = "test", CreatedAt = now });
        db.JobItems.Add(new JobItemRecord { JobId = job, Reference = email, Outcome = JobItemOutcome.Refused, Message = $"{email} not imported from bounces" });
        db.IntegrationEvents.Add(IntegrationAudit.Event(account.Id, IntegrationProviders.Mailgun, IntegrationEventKinds.SuppressionRemoved, "dnd suppression sync",
            now, $"{email}: removed from bounces (e-mail DND lifted)"));
        db.ProcessedWebhooks.Add(new ProcessedWebhookRecord { AccountId = account.Id, Provider = SuppressionImport.Processed, EventId = $"bounces:{email}:{now:O}", At = now });
        db.SmartLists.Add(new SmartListRecord { Id = Guid.NewGuid().ToString("N"), AccountId = account.Id, Name = "one person", Query = email, CreatedAt = now });
        // Staged by another contact that had the address once: it quotes the address, not the erased contact's id.
        db.SuppressionRemovals.Add(new SuppressionRemovalRecord
        {
            Id = Guid.NewGuid().ToString("N"), AccountId = account.Id, ContactId = "another-contact", Address = email, Status = SuppressionRemovalStatus.Done,
            CreatedAt = now, NextAttemptAt = now,
        });
        await db.SaveChangesAsync();
    }
}
