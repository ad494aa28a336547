namespace Dnd.Host.Api.Erasure;

/// <summary>POST /contacts/{id}/erasure: what was erased and kept; <paramref name="ReceiptId"/> is the id of the erasure's own ledger line.</summary>
/// <param name="KeptOptOuts">Per kind of address ("phone", "email"), the channels whose opt-out is kept as a salted hash.</param>
public sealed record ErasureReceipt(
    long ReceiptId,
    string ContactId,
    DateTimeOffset ErasedAt,
    IReadOnlyDictionary<string, IReadOnlyList<string>> KeptOptOuts,
    ErasureCounts Counts);
