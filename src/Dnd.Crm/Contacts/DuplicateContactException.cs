namespace Dnd.Crm.Contacts;

/// <summary>The account does not allow duplicates and another contact already has this email or phone.</summary>
public sealed class DuplicateContactException(string contactId, string matchingField)
    : Exception("This location does not allow duplicated contacts.")
{
    public string ContactId { get; } = contactId;

    /// <summary>"email" or "phone", as HighLevel names it.</summary>
    public string MatchingField { get; } = matchingField;
}
