namespace Dnd.Crm.Imports;

/// <summary>Dnd:Imports: how long an uploaded contact file is kept.</summary>
public sealed class ImportOptions
{
    /// <summary>
    /// An import not applied within this long after its last change is expired: its file (which holds every row's
    /// personal data) is deleted; its counts and row problems stay. An applied import's file goes as it is applied.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a host looks for imports past the retention.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
