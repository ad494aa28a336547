using Dnd.Host.Api;
using Dnd.Host.Api.Health;
using Dnd.Host.Configuration;
using Dnd.Host.Configuration.Validation;
using Dnd.Host.Limits;
using Dnd.Host.OpenApi;
using Dnd.Host.OperatorApp;
using Dnd.Host.Preferences;
using Dnd.Host.Startup;
using Dnd.Host.Telemetry;
using Dnd.Host.Unsubscribe;
using Dnd.Host.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddDndCore();
builder.AddDndApi();
builder.AddDndHealth();
builder.AddDndOpenApi();
builder.AddDndOperatorApp();
builder.AddDndTelemetry();
builder.AddDndStartupPreparation();

var app = builder.Build();
if (!StartupSettings.Check(app.Services, Console.Error))
{
    return StartupSettings.ExitCode;
}
if (DatabaseCommands.IsCommand(args))
{
    return await DatabaseCommands.RunAsync(args, app.Services);
}
app.BeginDndPreparation();
app.UseDndStartupGate();
app.UseDndTelemetry();
app.UseDndRequestPipeline();
app.UseDndOperatorApp();
app.MapDndOpenApi();
app.MapHealthEndpoints();
app.MapDndApi();
app.MapDndWebhooks();
app.MapUnsubscribeEndpoints();
app.MapSmsUnsubscribeEndpoints();
app.MapPreferenceEndpoints();
app.MapDndOperatorApp();

app.Run();
return 0;

/// <summary>Entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
