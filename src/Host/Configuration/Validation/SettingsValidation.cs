using Dnd.Crm.Consent;
using Dnd.Crm.Integrations;
using Dnd.Crm.Jobs;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Configuration.Validation;

/// <summary>What each Dnd:* setting must be; all are checked before the server starts (<see cref="StartupSettings"/>).</summary>
public static class SettingsValidation
{
    public static IServiceCollection AddDndSettingsValidation(this IServiceCollection services) => services
        .Rules<DndOptions>("Dnd", (o, p) => p
            .Must("Database:Provider", DatabaseProvider.Known(o.Database.Provider) is not null,
                $"must be '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.Postgres}'", o.Database.Provider)
            .Required("Database:ConnectionString", o.Database.ConnectionString)
            .Positive("Webhooks:MailgunSignatureWindow", o.Webhooks.MailgunSignatureWindow)
            .Positive("ShutdownTimeout", o.ShutdownTimeout))
        .Rules<MessagingOptions>("Dnd:Messaging", (o, p) => p
            .AbsoluteUrl("PublicBaseUrl", o.PublicBaseUrl)
            .Positive("PollInterval", o.PollInterval)
            .AtLeast("DeliveryBatch", o.DeliveryBatch, 1)
            .AtLeast("DeliveryConcurrency", o.DeliveryConcurrency, 1)
            .Positive("ClaimLease", o.ClaimLease)
            .AtLeast("MaxDeliveryAttempts", o.MaxDeliveryAttempts, 1)
            .Positive("NoIntegrationRetry", o.NoIntegrationRetry)
            .Must("DefaultSendingWindow", SendingWindow.Parse(o.DefaultSendingWindow) is not null, "must be HH:mm-HH:mm or 'always'", o.DefaultSendingWindow))
        .Rules<ProviderOptions>("Dnd:Providers", (o, p) => p
            .AbsoluteUrl("Twilio:BaseUrl", o.Twilio.BaseUrl)
            .AbsoluteUrl("Twilio:MessagingBaseUrl", o.Twilio.MessagingBaseUrl, optional: true)
            .AbsoluteUrl("Mailgun:BaseUrl", o.Mailgun.BaseUrl, optional: true)
            .AbsoluteUrl("Meta:BaseUrl", o.Meta.BaseUrl)
            .Positive("VerifyTimeout", o.VerifyTimeout))
        .Rules<JobOptions>("Dnd:Jobs", (o, p) => p
            .Positive("PollInterval", o.PollInterval)
            .Positive("Lease", o.Lease)
            .AtLeast("BatchSize", o.BatchSize, 1))
        .Rules<Dnd.Crm.Imports.ImportOptions>("Dnd:Imports", (o, p) => p
            .Positive("Retention", o.Retention)
            .Positive("SweepInterval", o.SweepInterval))
        .Rules<Dnd.Crm.Subscriptions.WebhookOptions>("Dnd:OutboundWebhooks", (o, p) => p
            .Positive("PollInterval", o.PollInterval)
            .Positive("RetryFor", o.RetryFor)
            .Positive("FirstBackoff", o.FirstBackoff)
            .Positive("MaxBackoff", o.MaxBackoff)
            .Positive("Timeout", o.Timeout)
            .Positive("Lease", o.Lease)
            .AtLeast("Batch", o.Batch, 1)
            .AtLeast("Concurrency", o.Concurrency, 1)
            .AtLeast("SubscriptionConcurrency", o.SubscriptionConcurrency, 1)
            .Positive("RefreshEvery", o.RefreshEvery)
            .AtLeast("MaxPerAccount", o.MaxPerAccount, 1))
        .Rules<WorkflowWorkerOptions>("Dnd:Workflows", (o, p) => p
            .Positive("PollInterval", o.PollInterval)
            .Positive("StalledAfter", o.StalledAfter)
            // Zero is a deployment's choice (loops then rely on the send cap and the step budget), so only negative is refused.
            .NotNegative("MinimumLoopWait", o.MinimumLoopWait)
            .AtLeast("Concurrency", o.Concurrency, 1)
            .AtLeast("StepBudget", o.StepBudget, 1));

    /// <summary>Checks <typeparamref name="T"/> (bound from <paramref name="section"/>) with <paramref name="rules"/> before the server starts.</summary>
    public static IServiceCollection Rules<T>(this IServiceCollection services, string section, Action<T, SettingProblems> rules) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingRules<T>(section, rules));
        services.AddOptions<T>().ValidateOnStart();
        return services;
    }
}
