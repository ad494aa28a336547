namespace Dnd.Host.Api.Contacts;

/// <summary>
/// POST /contacts/search: one page of contacts, each with its searchAfter, and how many match in all (HighLevel's
/// SearchContactSuccessResponseDto).
/// </summary>
public sealed record SearchContactsResponse(List<ContactDto> Contacts, int Total);
