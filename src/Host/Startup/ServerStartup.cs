using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Rules.Engine;
using Dnd.Host.Configuration;
using Dnd.Host.OperatorApp;
using Dnd.Crm.Integrations;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Crm.Subscriptions;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Startup;

/// <summary>
/// Before serving: compile the DND rules (a bad rule file stops the server here, not at the first webhook),
/// create the schema, add configured seed accounts, load the outbound webhooks' subscriptions; the workflows/ folder's
/// templates are read meanwhile.
/// </summary>
public static class ServerStartup
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        // The rules compile on another core while the database is prepared (a third of start-up each).
        var rules = Task.Run(() => services.GetRequiredService<ConsentEngine>(), ct);
        StartLoadingTemplates(services, ct);
        await PrepareDatabaseAsync(services, ct);
        if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await DemoSeed.EnsureAsync(services, ct);
        }
        await rules;
    }

    private static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        scope.ServiceProvider.GetRequiredService<SchemaStatus>().Checked(await DatabaseInitializer.InitializeAsync(db, ct));
        // The key ring and the outbound webhooks' subscriptions load beside what follows (which needs the key ring only
        // for a secret to protect), each on a core of its own: until they are, requests wait.
        var keyRing = Task.Run(scope.ServiceProvider.GetRequiredService<IntegrationSecrets>().EnsureKeyRing, ct);
        var subscriptions = Task.Run(() => LoadSubscriptionsAsync(services, ct), ct);
        var integrations = scope.ServiceProvider.GetRequiredService<IntegrationStore>();
        await LegacyWebhookSecrets.MoveAsync(db, integrations, ct);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DndOptions>>().Value;
        foreach (var seed in options.SeedAccounts.Where(s => !string.IsNullOrWhiteSpace(s.Id)))
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == seed.Id, ct))
            {
                db.Accounts.Add(new AccountRecord { Id = seed.Id, Name = seed.Name });
                await WebhookSecrets.SetAsync(integrations, seed.Id, seed.TwilioAuthToken, seed.MailgunSigningKey, "seed", ct);
            }
            var hash = ApiKeyHasher.Hash(seed.ApiKey);
            if (!string.IsNullOrEmpty(seed.ApiKey) && !await db.ApiKeys.AnyAsync(k => k.KeyHash == hash, ct))
            {
                db.ApiKeys.Add(new ApiKeyRecord { KeyHash = hash, AccountId = seed.Id, Name = "seed", CreatedAt = DateTimeOffset.UtcNow });
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        await keyRing;
        await subscriptions;

        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Dnd.Startup");
        if (string.IsNullOrEmpty(scope.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value.UnsubscribeSigningKey))
        {
            logger.LogWarning("Dnd:Messaging:UnsubscribeSigningKey is not set: unsubscribe links will stop working after a restart and differ between servers.");
        }
    }

    /// <summary>Before the first request: a consent write stages its events for the subscriptions that exist.</summary>
    private static async Task LoadSubscriptionsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await services.GetRequiredService<SubscriptionDirectory>().ReloadAsync(scope.ServiceProvider.GetRequiredService<DndDbContext>(), ct);
    }

    /// <summary>
    /// The shipped definitions are templates an account installs (they run for no account by themselves), so serving
    /// need not wait for them: they are read beside the rest of start-up, and a bad one is logged when found.
    /// </summary>
    private static void StartLoadingTemplates(IServiceProvider services, CancellationToken ct)
    {
        var folder = services.GetRequiredService<IOptions<WorkflowWorkerOptions>>().Value.DefinitionsFolder;
        if (folder is null)
        {
            return;
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Dnd.Startup");
        _ = services.GetRequiredService<WorkflowTemplates>().StartLoading(folder, ct).ContinueWith(read =>
        {
            foreach (var problem in read.IsCompletedSuccessfully ? read.Result : [read.Exception?.GetBaseException().Message ?? "cancelled"])
            {
                logger.LogError("Workflow template not loaded: {Problem}", problem);
            }
        }, TaskScheduler.Default);
    }
}
