namespace Dnd.Host.Api.Contacts;

public sealed record TagsRequest(List<string> Tags);
