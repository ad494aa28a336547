using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Persistence;

/// <summary>The contact imports' tables.</summary>
public static class ImportModel
{
    public static void Map(ModelBuilder b)
    {
        b.Entity<ImportRecord>().HasKey(i => i.Id);
        b.Entity<ImportRecord>().HasIndex(i => new { i.AccountId, i.CreatedAt });
        b.Entity<ImportChunkRecord>().HasKey(c => new { c.ImportId, c.Index });
        b.Entity<ImportIssueRecord>().HasKey(i => i.Id);
        // The errors' pages, in the order they were found.
        b.Entity<ImportIssueRecord>().HasIndex(i => new { i.ImportId, i.Id });
    }
}
