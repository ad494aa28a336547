namespace Dnd.Host.Api.Contacts;

/// <summary>POST /contacts/: HighLevel's CreateContactsSuccessfulResponseDto, plus what the rules decided about the DND asked for.</summary>
public sealed record CreateContactResponse(ContactDto Contact, List<DndDecisionDto> DndDecisions);
