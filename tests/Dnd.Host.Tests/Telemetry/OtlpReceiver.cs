using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>
/// A collector's OTLP/HTTP side on a free local port (Kestrel): takes POST /v1/traces and /v1/metrics as protobuf, as a
/// collector does, and keeps each body for <see cref="OtlpPayload"/> to read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public const string Traces = "/v1/traces";

    public const string Metrics = "/v1/metrics";

    public sealed record Export(string Path, byte[] Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Export> _exports = new();

    public OtlpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            // Only protobuf, as a collector's OTLP/HTTP side takes it here (JSON would be the other encoding).
            if (request.ContentType != "application/x-protobuf")
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }
            var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
            using var bytes = new MemoryStream();
            await body.CopyToAsync(bytes);
            _exports.Enqueue(new Export(request.Path, bytes.ToArray()));
            // An empty Export*ServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Endpoint = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The base address a server's OTLP endpoint setting names (the exporter adds /v1/traces and /v1/metrics).</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<Export> Received => [.. _exports];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
