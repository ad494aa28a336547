namespace Dnd.Host.Api.Contacts;

/// <summary>Proof of a contact's consent as a request gives it; the user who records it is the request's API key.</summary>
/// <param name="Method">How the contact consented: written, web_form, verbal_recording or other.</param>
/// <param name="GivenAt">When the contact consented (not in the future).</param>
/// <param name="Evidence">The evidence: the consent's text, a URL, or a reference to a recording or letter.</param>
public sealed record ConsentProofRequest(string? Method, DateTimeOffset? GivenAt, string? Evidence);
