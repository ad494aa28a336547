namespace Dnd.Rules.Consent;

/// <summary>The address a channel reaches a contact at; consent on Phone and Email channels belongs to the address.</summary>
public enum AddressKind
{
    /// <summary>No address of its own (FB, GMB): the consent stays with the contact.</summary>
    None,
    Phone,
    Email,
}
