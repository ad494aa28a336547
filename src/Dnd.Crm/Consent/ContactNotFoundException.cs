namespace Dnd.Crm.Consent;

public sealed class ContactNotFoundException(string contactId) : Exception($"Contact {contactId} was not found in this account.")
{
    public string ContactId { get; } = contactId;
}
