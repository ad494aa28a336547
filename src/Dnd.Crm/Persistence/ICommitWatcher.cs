namespace Dnd.Crm.Persistence;

/// <summary>
/// Something that waits for rows of its kind to be committed (the workflow worker, for pending triggers): told once a
/// write that added some commits, instead of polling for them. The application registers them; the CRM names none.
/// </summary>
public interface ICommitWatcher
{
    /// <summary>Whether an added row is one this watcher waits for.</summary>
    bool Wants(object row);

    /// <summary>After the commit of a write that added such a row.</summary>
    void Committed();
}
