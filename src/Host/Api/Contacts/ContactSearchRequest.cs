using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dnd.Host.Api.Contacts;

/// <summary>Body of POST /contacts/search (HighLevel's advanced search).</summary>
public sealed record ContactSearchRequest
{
    public string? LocationId { get; init; }
    public long Page { get; init; } = 1;
    public long PageLimit { get; init; } = 20;
    public string? Query { get; init; }

    public List<SearchFilter>? Filters
    {
        get;
        init
        {
            field = value;
            FiltersIsNull = value is null;
        }
    } = [];

    /// <summary>
    /// HighLevel's cursor: the searchAfter of the last contact of the previous page ([&lt;sort value&gt;, &lt;contact id&gt;]);
    /// the page starts right after it. Read by <see cref="SearchCursor.Read"/>, so a malformed one is a 422 naming it.
    /// </summary>
    public List<JsonElement>? SearchAfter
    {
        get;
        init
        {
            field = value;
            SearchAfterIsNull = value is null;
        }
    }

    /// <summary>"filters" was sent as JSON null: refused by name rather than read as "no filters".</summary>
    [JsonIgnore]
    public bool FiltersIsNull { get; private init; }

    /// <summary>"searchAfter" was sent as JSON null: refused by name rather than read as "from the start".</summary>
    [JsonIgnore]
    public bool SearchAfterIsNull { get; private init; }
}
