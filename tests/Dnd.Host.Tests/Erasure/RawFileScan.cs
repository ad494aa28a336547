using System.Text;

namespace Dnd.Host.Tests.Erasure;

/// <summary>A SQLite database's files (the database and its WAL) searched byte by byte: free pages and old WAL frames included.</summary>
public static class RawFileScan
{
    /// <returns>"file: text" for each string found in the bytes of either file, as UTF-8, as given or lower-cased.</returns>
    public static List<string> Find(string databasePath, params string[] needles)
    {
        var found = new List<string>();
        foreach (var path in new[] { databasePath, databasePath + "-wal" }.Where(File.Exists))
        {
            // The server has the files open: read them as they are on disk, alongside it.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            found.AddRange(needles.Where(n => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0 || bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n.ToLowerInvariant())) >= 0)
                .Select(n => $"{Path.GetFileName(path)}: {n}"));
        }
        return found;
    }
}
