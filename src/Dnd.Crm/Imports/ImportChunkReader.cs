using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Imports;

/// <summary>
/// Reads an import's stored file from a byte offset, one chunk in memory at a time: a batch re-reads its rows
/// without the file being materialised, on whichever host runs it.
/// </summary>
public sealed class ImportChunkReader(CrmDbContext db, string importId, long offset) : ForwardReadStream
{
    private int _index = (int)(offset / ImportChunkRecord.Size);
    private byte[]? _chunk;
    private int _position = (int)(offset % ImportChunkRecord.Size);


    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        while (true)
        {
            _chunk ??= await db.Set<ImportChunkRecord>().AsNoTracking()
                .Where(c => c.ImportId == importId && c.Index == _index).Select(c => c.Data).FirstOrDefaultAsync(ct);
            if (_chunk is null)
            {
                return 0;
            }
            if (_position < _chunk.Length)
            {
                var n = Math.Min(buffer.Length, _chunk.Length - _position);
                _chunk.AsMemory(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            (_chunk, _position, _index) = (null, 0, _index + 1);
        }
    }
}
