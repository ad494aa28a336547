namespace Dnd.Crm.Persistence;

/// <summary>A slice of an import's file, in order: the file is stored in the database, not on one host's disk.</summary>
public sealed class ImportChunkRecord
{
    /// <summary>The bytes per chunk; the last chunk holds the rest. Fixed, so a byte offset finds its chunk.</summary>
    public const int Size = 256 * 1024;

    public required string ImportId { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
}
