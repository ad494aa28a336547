using System.Globalization;
using Dnd.Activities;
using Dnd.Activities.Persistence;
using Dnd.Crm;
using Dnd.Crm.Integrations;
using Dnd.Crm.Jobs;
using Dnd.Workflows;
using Dnd.Crm.Messaging;
using Dnd.Workflows.Runtime;
using Dnd.Host.Configuration.Validation;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Configuration;

public static class ConfigurationServices
{
    /// <summary>The Dnd:* options, the rule data (shipped tables, or the Dnd:RulesFolder's), the DND activities, and the database the workflows and consent run on.</summary>
    public static WebApplicationBuilder AddDndCore(this WebApplicationBuilder builder)
    {
        var root = builder.Environment.ContentRootPath;
        Dnd.Crm.Persistence.DatabaseProvider.WarmUp(builder.Configuration["Dnd:Database:Provider"] ?? new DatabaseOptions().Provider);
        builder.Services.Configure<DndOptions>(builder.Configuration.GetSection("Dnd"));
        builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection("Dnd:Messaging"));
        builder.Services.Configure<ProviderOptions>(builder.Configuration.GetSection("Dnd:Providers"));
        builder.Services.Configure<JobOptions>(builder.Configuration.GetSection("Dnd:Jobs"));
        builder.Services.Configure<Dnd.Crm.Imports.ImportOptions>(builder.Configuration.GetSection("Dnd:Imports"));
        builder.Services.Configure<Dnd.Crm.Subscriptions.WebhookOptions>(builder.Configuration.GetSection("Dnd:OutboundWebhooks"));
        builder.Services.Configure<WorkflowWorkerOptions>(builder.Configuration.GetSection("Dnd:Workflows"));
        builder.Services.PostConfigure<WorkflowWorkerOptions>(o =>
            o.DefinitionsFolder = o.DefinitionsFolder is null ? null : ContentPaths.Resolve(root, o.DefinitionsFolder));
        builder.Services.AddDndSettingsValidation();
        // Read as text, not through DndOptions: the host reads this while it is built, before the settings are checked
        // (StartupSettings), and a bad value must be reported there as one line, not thrown from the build.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout =
            TimeSpan.TryParse(builder.Configuration["Dnd:ShutdownTimeout"], CultureInfo.InvariantCulture, out var timeout) ? timeout : new DndOptions().ShutdownTimeout);
        builder.Services.AddSingleton(sp => RuleFiles.Load(sp.GetRequiredService<IOptions<DndOptions>>().Value.RulesFolder, root));
        builder.Services.AddDndCrm<DndDbContext>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DndOptions>>().Value.Database;
            return (database.Provider, database.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
                ? ContentPaths.SqliteConnectionString(root, database.ConnectionString)
                : database.ConnectionString);
        });
        builder.Services.AddDndWorkflows<DndDbContext>();
        builder.Services.AddDndActivities();
        return builder;
    }
}
