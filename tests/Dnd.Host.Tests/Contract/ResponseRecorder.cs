using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dnd.Host.Tests.Contract;

/// <summary>
/// Every response one test server sent, with status, content type and body, for the contract audit. Installed as a
/// startup filter, so it wraps the whole pipeline and sees what clients see: problem bodies written by the
/// exception handler and status code pages included.
/// </summary>
public sealed class ResponseRecorder : IStartupFilter
{
    /// <summary>Bodies past this are kept truncated and their shape is not checked (the status and type still are).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly ConcurrentQueue<ObservedResponse> _responses = new();

    public IReadOnlyList<ObservedResponse> Responses => _responses.ToArray();

    /// <summary>For tests of the audit itself: a response as if the server had sent it.</summary>
    public void Add(ObservedResponse response) => _responses.Enqueue(response);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(RecordAsync);
        next(app);
    };

    private async Task RecordAsync(HttpContext http, RequestDelegate next)
    {
        var method = http.Request.Method;
        var path = (http.Request.PathBase + http.Request.Path).Value ?? "/";
        var original = http.Response.Body;
        await using var tee = new TeeStream(original, MaxBodyBytes);
        http.Response.Body = tee;
        try
        {
            await next(http);
        }
        catch
        {
            // Escaped every handler: the client gets a bare 500.
            _responses.Enqueue(new ObservedResponse(method, path, StatusCodes.Status500InternalServerError, null, []));
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }
        _responses.Enqueue(new ObservedResponse(method, path, http.Response.StatusCode, http.Response.ContentType, tee.Captured, tee.Truncated));
    }

    /// <summary>Writes through to the response and keeps a copy of the first bytes.</summary>
    private sealed class TeeStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _copy = new();

        public byte[] Captured => _copy.ToArray();

        public bool Truncated { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            var room = limit - (int)_copy.Length;
            if (buffer.Length > room)
            {
                Truncated = true;
            }
            _copy.Write(buffer[..Math.Min(room, buffer.Length)]);
        }

        // The response stream belongs to the server: it is not ours to close.
        protected override void Dispose(bool disposing) => _copy.Dispose();

        public override ValueTask DisposeAsync()
        {
            _copy.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
