using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Dnd.Host.Tests.Infrastructure.Providers;

/// <summary>
/// An SMTP server in the test process (SmtpServer 11.1.0) on a free local port, plain text with AUTH required: only
/// <see cref="User"/> with <see cref="Password"/> may send. Every message accepted is kept, raw, in <see cref="Received"/>.
/// </summary>
public sealed class SmtpFake : IAsyncDisposable
{
    public const string User = "mailer";
    public const string Password = "smtp-secret";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SmtpFake()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        services.Add(new Users());
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public ConcurrentQueue<string> Received { get; } = new();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Users : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken ct) =>
            Task.FromResult(user == User && password == Password);
    }

    private sealed class Store(ConcurrentQueue<string> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken ct)
        {
            received.Enqueue(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
