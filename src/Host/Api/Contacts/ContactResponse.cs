namespace Dnd.Host.Api.Contacts;

/// <summary>GET /contacts/{id}: HighLevel's ContactsByIdSuccessfulResponseDto.</summary>
public sealed record ContactResponse(ContactDto Contact);
