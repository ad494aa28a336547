namespace Dnd.Rules.Consent;

/// <summary>
/// What a user records to lift a permanent DND for a contact: how and when the contact consented, the evidence (a
/// text, a URL, a reference to a recording or a letter) and who recorded it. Kept on the ledger line it decided.
/// </summary>
public sealed record ConsentProof(ConsentMethod Method, DateTimeOffset GivenAt, string Evidence, string RecordedBy);
