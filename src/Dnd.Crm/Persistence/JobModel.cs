using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Persistence;

/// <summary>The job tables' keys and indexes.</summary>
public static class JobModel
{
    public static void Configure(ModelBuilder b)
    {
        var job = b.Entity<JobRecord>();
        job.HasKey(j => j.Id);
        job.Property(j => j.Status).HasConversion<string>();
        job.Ignore(j => j.Finished);
        job.Ignore(j => j.Percentage);
        // NULLs are distinct on both providers: jobs without a key never collide.
        job.HasIndex(j => new { j.AccountId, j.Kind, j.IdempotencyKey }).IsUnique();
        // The runner's search for work: open jobs, oldest first.
        job.HasIndex(j => new { j.Status, j.CreatedAt });
        // An account's jobs newest first (/locations/jobs, the jobs screen), a page at a time.
        job.HasIndex(j => new { j.AccountId, j.CreatedAt, j.Id });
        var item = b.Entity<JobItemRecord>();
        item.HasKey(i => i.Id);
        item.Property(i => i.Outcome).HasConversion<string>();
        item.HasIndex(i => new { i.JobId, i.Id });
        b.Entity<JobTargetRecord>().HasKey(t => new { t.JobId, t.Position });
    }
}
