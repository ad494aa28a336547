using System.Text.Json.Serialization;
using Dnd.Host.Api.Accounts;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.Conversations;
using Dnd.Host.Api.Forms;
using Dnd.Host.Api.Health;
using Dnd.Host.Api.SmartLists;
using Dnd.Host.Api.Workflows;
using Dnd.Host.Auth;
using Dnd.Host.Configuration;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Host.OpenApi;
using Dnd.Host.Startup;
using Dnd.Host.Unsubscribe;
using Dnd.Host.Webhooks;
using Dnd.Workflows;
using Dnd.Workflows.Messaging;
using Dnd.Workflows.Runtime;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
var root = builder.Environment.ContentRootPath;

builder.Services.Configure<DndOptions>(builder.Configuration.GetSection("Dnd"));
builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection("Dnd:Messaging"));
builder.Services.Configure<WorkflowWorkerOptions>(builder.Configuration.GetSection("Dnd:Workflows"));
builder.Services.PostConfigure<WorkflowWorkerOptions>(o =>
    o.DefinitionsFolder = o.DefinitionsFolder is null ? null : ContentPaths.Resolve(root, o.DefinitionsFolder));
builder.Services.AddSingleton(sp => RuleFiles.Load(sp.GetRequiredService<IOptions<DndOptions>>().Value.RulesFolder, root));
builder.Services.AddDndWorkflows(sp =>
{
    var database = sp.GetRequiredService<IOptions<DndOptions>>().Value.Database;
    return (database.Provider, database.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
        ? ContentPaths.SqliteConnectionString(root, database.ConnectionString)
        : database.ConnectionString);
});
builder.Services.AddScoped<AccountContext>();
builder.Services.AddScoped<ContactDndApplier>();
builder.Services.AddScoped<ContactCommands>();
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
// Binding failures reach ProblemExceptionHandler, which says what was wrong; otherwise they are a bare 400.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Enums travel as their documented names only: "99" or 99 is not a status.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.AddDndOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<CredentialMiddleware>();
app.UseMiddleware<BodyLimitMiddleware>();
app.UseMiddleware<CharsetMiddleware>();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapDndOpenApi();
app.MapHealthEndpoints();

var api = app.MapGroup("").RequireApiKey();
api.MapContactEndpoints();
api.MapContactSearchEndpoints();
api.MapAddressConsentEndpoints();
api.MapContactWorkflowEndpoints();
api.MapMessageEndpoints();
api.MapWorkflowEndpoints();
api.MapWorkflowLifecycleEndpoints();
api.MapWorkflowTemplateEndpoints();
api.MapSmartListEndpoints();
api.MapFormEndpoints();
api.MapAccountSettingsEndpoints();

app.MapAdminEndpoints();
app.MapTwilioWebhooks();
app.MapMailgunWebhooks();
app.MapUnsubscribeEndpoints();

await ServerStartup.PrepareAsync(app.Services);
app.Run();

/// <summary>Entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
