namespace Dnd.Host.Api.Contacts;

/// <summary>
/// One channel of a request's dndSettings (HighLevel's DndSettingSchema): status "active", "inactive" or
/// "permanent", any case. The code is HighLevel's to send back; the rules set their own, so a given one is ignored.
/// </summary>
/// <param name="ConsentProof">
/// This product's addition: with status "inactive", the contact's consent the user records, which lets a user lift a
/// permanent DND (the contact's own opt-out) that nothing but the contact's opt-in lifts otherwise.
/// </param>
public sealed record DndSettingRequest(string? Status, string? Message = null, string? Code = null, ConsentProofRequest? ConsentProof = null);
