namespace Dnd.Crm.Persistence;

/// <summary>Why an item of a job is listed: the rules said no, or it could not be done at all.</summary>
public enum JobItemOutcome
{
    /// <summary>Judged and refused by the rules (e.g. a user may not lift a contact's own permanent opt-out).</summary>
    Refused,

    /// <summary>Not done: the item was gone or wrong (a deleted contact, a bad row).</summary>
    Failed,
}
