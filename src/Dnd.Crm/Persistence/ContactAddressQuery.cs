using Dnd.Rules.Consent;

namespace Dnd.Crm.Persistence;

public static class ContactAddressQuery
{
    /// <summary>The account's contacts whose phone (or email) is this normalized address.</summary>
    public static IQueryable<ContactRecord> WithAddress(this IQueryable<ContactRecord> contacts, string accountId, AddressKind kind, string address) =>
        kind == AddressKind.Phone
            ? contacts.Where(c => c.AccountId == accountId && c.Phone == address)
            : contacts.Where(c => c.AccountId == accountId && c.Email == address);
}
