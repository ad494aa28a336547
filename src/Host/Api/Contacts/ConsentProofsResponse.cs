namespace Dnd.Host.Api.Contacts;

/// <summary>The account's recorded proofs of consent in a period, oldest first.</summary>
public sealed record ConsentProofsResponse(IAsyncEnumerable<ConsentProofRow> Proofs);
