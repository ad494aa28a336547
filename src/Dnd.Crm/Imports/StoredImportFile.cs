using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Imports;

/// <summary>An import's uploaded file, as its chunks in the database.</summary>
public static class StoredImportFile
{
    /// <summary>
    /// Deletes the file. Run it inside an account write: on SQLite that is the writer's connection, whose
    /// secure_delete zeroes the freed pages, so the rows' bytes do not outlive the rows in the database file.
    /// </summary>
    /// <returns>The chunks deleted.</returns>
    public static Task<int> DeleteAsync(CrmDbContext db, string importId, CancellationToken ct) =>
        db.ImportChunks.Where(c => c.ImportId == importId).ExecuteDeleteAsync(ct);
}
