using System.Net;
using System.Text;

namespace Dnd.Host.Tests.Erasure;

/// <summary>A request body sent in two parts, the second only once the test releases it: an upload held open.</summary>
public sealed class PausedContent : HttpContent
{
    private readonly byte[] _first;
    private readonly byte[] _second;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PausedContent(string first, string second, string mediaType)
    {
        (_first, _second) = (Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));
        Headers.ContentType = new(mediaType);
    }

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_first);
        await stream.FlushAsync();
        await _released.Task;
        await stream.WriteAsync(_second);
    }

    // A declared length: a body of unknown length is read whole before the endpoint (BodyLimitMiddleware).
    protected override bool TryComputeLength(out long length)
    {
        length = _first.Length + _second.Length;
        return true;
    }

    protected override void Dispose(bool disposing) => _released.TrySetResult();
}
