namespace Dnd.Host.Api.Contacts;

public sealed record ContactSearchRequest
{
    public string? LocationId { get; init; }
    public int Page { get; init; } = 1;
    public int PageLimit { get; init; } = 20;
    public string? Query { get; init; }
    public List<SearchFilter> Filters { get; init; } = [];
}
