namespace Dnd.Host.Api.Contacts;

/// <summary>POST /contacts/upsert: HighLevel's UpsertContactsSuccessfulResponseDto, plus the DND decisions.</summary>
/// <param name="New">Whether the upsert created the contact rather than updating one.</param>
public sealed record UpsertContactResponse(bool New, ContactDto Contact, List<DndDecisionDto> DndDecisions);
