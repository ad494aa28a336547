namespace Dnd.Crm.Jobs;

/// <summary>What an enqueue did: made the job, found the one the same key made, or refused a key reused for something else.</summary>
public enum JobEnqueued
{
    Created,
    Existing,
    KeyConflict,
}
