using Dnd.Host.Tests.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>
/// The real Host over a throwaway database (SQLite file by default, or PostgreSQL) with a fast worker poll.
/// Two DndApp instances over the same database path model a restart of the server.
/// </summary>
public sealed class DndApp : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";
    public const string PublicBaseUrl = "http://dnd.test";

    private readonly string _provider;
    private readonly string _connectionString;
    private readonly bool _kestrel;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private int _disposed;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Extra configuration, e.g. "Dnd:RulesFolder".</param>
    /// <param name="services">Replaces or removes services after the Host registered its own (e.g. the background workers).</param>
    public DndApp(string? databasePath = null, string? workflowsFolder = null, string? postgres = null, bool kestrel = false,
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        DatabasePath = databasePath ?? TempFiles.NewDatabase();
        WorkflowsFolder = workflowsFolder ?? TempFiles.NewFolder();
        _provider = postgres is null ? "sqlite" : "postgres";
        _connectionString = postgres ?? $"Data Source={DatabasePath}";
        _kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public string DatabasePath { get; }

    public string WorkflowsFolder { get; }

    /// <summary>Every response this server sent; checked against its OpenAPI document when it is disposed (<see cref="ContractAudit"/>).</summary>
    public ResponseRecorder Responses { get; } = new();

    /// <summary>Exceptions this server logged, so a failure of the server's own (e.g. a 500) can be reported with its stack.</summary>
    public ServerErrors Errors { get; } = new();

    /// <summary>The address Kestrel listens on (only with kestrel: true).</summary>
    public Uri RealAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Responses).AddSingleton<ILoggerProvider>(Errors));
        builder.UseSetting("Dnd:Database:Provider", _provider);
        builder.UseSetting("Dnd:Database:ConnectionString", _connectionString);
        builder.UseSetting("Dnd:AdminKey", AdminKey);
        builder.UseSetting("Dnd:Messaging:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Dnd:Messaging:UnsubscribeSigningKey", "test-unsubscribe-key");
        // Tests run at any hour of the day: no quiet hours unless a test sets an account's window (or this setting).
        builder.UseSetting("Dnd:Messaging:DefaultSendingWindow", "always");
        builder.UseSetting("Dnd:Workflows:DefinitionsFolder", WorkflowsFolder);
        builder.UseSetting("Dnd:Workflows:PollInterval", "00:00:00.050");
        builder.UseSetting("Dnd:Workflows:StalledAfter", "00:00:05");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_kestrel)
        {
            builder.UseUrls("http://127.0.0.1:0");
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>Audits the responses against the document while the server still runs, then stops it.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            await ContractAudit.AuditAsync(this, Responses.Responses);
        }
        finally
        {
            await base.DisposeAsync();
        }
    }
}
