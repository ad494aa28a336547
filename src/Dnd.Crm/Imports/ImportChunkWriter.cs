using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Imports;

/// <summary>
/// Passes an upload's bytes through to the CSV reader while storing them as chunks as they go: the file is parsed and
/// stored in one pass, and never held whole in memory.
/// </summary>
public sealed class ImportChunkWriter(CrmDbContext db, string importId, Stream body) : ForwardReadStream
{
    private readonly byte[] _pending = new byte[ImportChunkRecord.Size];
    private int _filled;

    private readonly byte[] _first = new byte[2];

    public int Chunks { get; private set; }
    public long Bytes { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await body.ReadAsync(buffer, ct);
        for (var i = 0; i < n && Bytes + i < _first.Length; i++)
        {
            _first[Bytes + i] = buffer.Span[i];
        }
        for (var taken = 0; taken < n;)
        {
            var part = Math.Min(n - taken, _pending.Length - _filled);
            buffer.Slice(taken, part).CopyTo(_pending.AsMemory(_filled));
            (_filled, taken) = (_filled + part, taken + part);
            if (_filled == _pending.Length)
            {
                await StoreAsync(ct);
            }
        }
        Bytes += n;
        return n;
    }

    /// <summary>Whether the file starts with a UTF-16 byte order mark, whose rows' offsets the reader counts in UTF-8, not in the stored bytes.</summary>
    public bool StartsWithUtf16() => _first is [0xFF, 0xFE] or [0xFE, 0xFF];


    /// <summary>Stores what is left after the reader reached the end of the body.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        // The reader may stop before the body's end (an empty body, or nothing past the last record); keep every byte.
        var rest = new byte[81920];
        while (await ReadAsync(rest, ct) > 0)
        {
        }
        if (_filled > 0)
        {
            await StoreAsync(ct);
        }
    }

    private async Task StoreAsync(CancellationToken ct)
    {
        var chunk = new ImportChunkRecord { ImportId = importId, Index = Chunks, Data = _pending[.._filled] };
        db.Add(chunk);
        await db.SaveChangesAsync(ct);
        db.Entry(chunk).State = EntityState.Detached;
        (_filled, Chunks) = (0, Chunks + 1);
    }
}
