using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Persistence;

/// <summary>The tables that let an opt-out outlive the erasure of its contact's personal data.</summary>
public static class ErasureModel
{
    public static void Map(ModelBuilder b)
    {
        b.Entity<AccountSaltRecord>().HasKey(s => s.AccountId);
        // Every new address of an account is looked up here: the key is the index.
        b.Entity<ErasedAddressRecord>().HasKey(e => new { e.AccountId, e.Hash });
    }
}
