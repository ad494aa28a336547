namespace Dnd.Host.Api.Contacts;

/// <summary>PUT /contacts/{id}: HighLevel's UpdateContactsSuccessfulResponseDto (its spelling, "succeded"), plus the DND decisions.</summary>
public sealed record UpdateContactResponse(bool Succeded, ContactDto Contact, List<DndDecisionDto> DndDecisions);
