namespace Dnd.Workflows.Runtime;

/// <summary>An instance was to start for a contact that does not exist (any more) in the account.</summary>
public sealed class WorkflowContactNotFoundException(string contactId) : Exception($"Contact {contactId} was not found in this account.")
{
    public string ContactId { get; } = contactId;
}
