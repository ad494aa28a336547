namespace Dnd.Host.Api.Contacts;

/// <summary>DELETE /contacts/{id}: HighLevel's DeleteContactsSuccessfulResponseDto (its spelling, "succeded").</summary>
public sealed record DeleteContactResponse(bool Succeded);
