using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Dnd.Host.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>
/// A collector's OTLP side on a free local port (Kestrel), in either protocol a server can be set to:
/// OTLP/HTTP takes POST /v1/traces and /v1/metrics as protobuf; OTLP/gRPC takes the TraceService and MetricsService
/// Export calls over cleartext HTTP/2, as a collector's port 4317 does. Each request message is kept, under its
/// signal's HTTP path, for <see cref="OtlpPayload"/> to read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public const string Traces = "/v1/traces";

    public const string Metrics = "/v1/metrics";

    public sealed record Export(string Path, byte[] Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Export> _exports = new();

    public OtlpReceiver(string protocol = TelemetryOptions.HttpProtobuf)
    {
        var grpc = protocol == TelemetryOptions.Grpc;
        var builder = WebApplication.CreateSlimBuilder();
        // gRPC has no HTTP/1.1 fallback, and cleartext HTTP/2 needs an endpoint that speaks only HTTP/2.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0,
            listen => listen.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        if (grpc)
        {
            _app.MapPost("/opentelemetry.proto.collector.trace.v1.TraceService/Export", context => ReceiveGrpcAsync(context, Traces));
            _app.MapPost("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", context => ReceiveGrpcAsync(context, Metrics));
        }
        else
        {
            _app.MapPost("/v1/{signal}", ReceiveHttpAsync);
        }
        _app.StartAsync().GetAwaiter().GetResult();
        Endpoint = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The base address a server's OTLP endpoint setting names (the HTTP exporter adds /v1/traces and /v1/metrics).</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<Export> Received => [.. _exports];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveHttpAsync(HttpRequest request)
    {
        // Only protobuf, as a collector's OTLP/HTTP side takes it here (JSON would be the other encoding).
        if (request.ContentType != "application/x-protobuf")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        _exports.Enqueue(new Export(request.Path, await ReadAllAsync(body)));
        // An empty Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>One unary call: a length-prefixed message in (flag byte, 4-byte big-endian length), an empty one out, status OK in the trailers.</summary>
    private async Task ReceiveGrpcAsync(HttpContext context, string signal)
    {
        var request = await ReadAllAsync(context.Request.Body);
        var length = BinaryPrimitives.ReadUInt32BigEndian(request.AsSpan(1, 4));
        var message = request.AsSpan(5, (int)length).ToArray();
        _exports.Enqueue(new Export(signal, request[0] == 1 ? await ReadAllAsync(new GZipStream(new MemoryStream(message), CompressionMode.Decompress)) : message));
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task<byte[]> ReadAllAsync(Stream body)
    {
        using var bytes = new MemoryStream();
        await body.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
