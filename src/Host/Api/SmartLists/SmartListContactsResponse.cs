using Dnd.Host.Api.Contacts;

namespace Dnd.Host.Api.SmartLists;

/// <summary>One page of a smart list's members as it evaluates now; total counts every member.</summary>
public sealed record SmartListContactsResponse(SmartListDto SmartList, IReadOnlyList<ContactDto> Contacts, int Total);
