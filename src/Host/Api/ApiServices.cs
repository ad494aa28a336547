using System.Text.Json.Serialization;
using Dnd.Crm.Jobs;
using Dnd.Host.Api.BulkDnd;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.Imports;
using Dnd.Host.Api.Integrations;
using Dnd.Host.Api.Subscriptions;
using Dnd.Host.Auth;
using Dnd.Host.Errors;

namespace Dnd.Host.Api;

public static class ApiServices
{
    /// <summary>What the HTTP API needs: the caller's account, contact commands, and RFC 7807 problems for every error.</summary>
    public static WebApplicationBuilder AddDndApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountContext>();
        builder.Services.AddSingleton<Preferences.EmailConfirmLinks>();
        builder.Services.AddScoped<ContactDndApplier>();
        builder.Services.AddScoped<ContactCommands>();
        builder.Services.AddScoped<Erasure.ContactErasure>();
        builder.Services.AddScoped<ContactImportUpload>();
        builder.Services.AddScoped<ContactImportBatch>();
        builder.Services.AddScoped<HeldImportErasure>();
        builder.Services.AddJobHandler<ContactImportHandler>();
        builder.Services.AddScoped<IntegrationConnector>();
        builder.Services.AddScoped<BulkDndJobs>();
        builder.Services.AddJobHandler<BulkDndHandler>();
        builder.Services.AddSingleton<Dnd.Crm.Subscriptions.IWebhookBodies, WebhookBodies>();
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures reach ProblemExceptionHandler, which says what was wrong; otherwise they are a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums travel as their documented names only: "99" or 99 is not a status.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        return builder;
    }
}
