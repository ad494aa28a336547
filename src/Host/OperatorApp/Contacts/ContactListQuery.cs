using System.Text.Json;
using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.Contacts;

/// <summary>What a DND filter of the contacts screen asks of one channel.</summary>
public enum ChannelDndFilter
{
    /// <summary>Active or permanent: the channel blocks.</summary>
    Blocked,
    Active,
    Permanent,
    /// <summary>Inactive: the channel is open.</summary>
    Open,
}

/// <summary>
/// The contacts screen's search box and filters, said as the API's contact search (<see cref="ContactSearchRequest"/>
/// with <see cref="SearchFilter"/>s and a searchAfter cursor), so the screen and POST /contacts/search are one query.
/// </summary>
public sealed record ContactListQuery
{
    public string? Text { get; init; }

    /// <summary>Contacts with this tag (as the API's "tags" filter: the whole tag, any case).</summary>
    public string? Tag { get; init; }

    /// <summary>The channel the DND filter is on; none, no DND filter.</summary>
    public Channel? DndChannel { get; init; }

    public ChannelDndFilter DndStatus { get; init; } = ChannelDndFilter.Blocked;

    /// <summary>
    /// The total is worth counting: with DND filters alone (or none) the API's count reads an index; free text or a
    /// tag makes it read every contact of the account (about 0.1 s at 100,000), so the screen pages without it.
    /// </summary>
    public bool CountIsCheap => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Tag);

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrWhiteSpace(Tag) || DndChannel is not null;

    /// <summary>The API's filters for these choices.</summary>
    public List<SearchFilter> Filters()
    {
        var filters = new List<SearchFilter>();
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            filters.Add(new SearchFilter("tags", "eq", JsonSerializer.SerializeToElement(Tag.Trim())));
        }
        if (DndChannel is { } channel)
        {
            // "Blocked" is the API's "not inactive": active and permanent both block.
            var (op, status) = DndStatus switch
            {
                ChannelDndFilter.Active => ("eq", "active"),
                ChannelDndFilter.Permanent => ("eq", "permanent"),
                ChannelDndFilter.Open => ("eq", "inactive"),
                _ => ("not_eq", "inactive"),
            };
            filters.Add(new SearchFilter($"dndSettings.{channel.ToWire()}.status", op, JsonSerializer.SerializeToElement(status)));
        }
        return filters;
    }

    /// <summary>The search request for <paramref name="limit"/> contacts after <paramref name="after"/> (a contact's searchAfter), or from the start.</summary>
    public ContactSearchRequest Request(int limit, IReadOnlyList<string>? after)
    {
        var request = new ContactSearchRequest { Query = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(), Filters = Filters(), PageLimit = limit };
        // Left out on the first page: a searchAfter given as null is refused, as the API refuses it.
        return after is null ? request : request with { SearchAfter = after.Select(part => JsonSerializer.SerializeToElement(part)).ToList() };
    }
}
