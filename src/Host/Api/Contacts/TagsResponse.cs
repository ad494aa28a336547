namespace Dnd.Host.Api.Contacts;

/// <summary>POST and DELETE /contacts/{id}/tags: the contact's tags afterwards (HighLevel's CreateAddTagSuccessfulResponseDto).</summary>
public sealed record TagsResponse(List<string> Tags);
