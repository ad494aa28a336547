using System.Text.Json;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>One path + method of the server's OpenAPI document: what the fuzzer may call and with what.</summary>
/// <param name="HtmlStatuses">Statuses the operation declares an HTML page for (the contact-facing links' bad-link page).</param>
public sealed record ApiOperation(string Method, string Route, IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<ApiBody> Bodies,
    IReadOnlySet<int>? HtmlStatuses = null)
{
    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    public override string ToString() => $"{Method} {Route}";
}

/// <param name="In">path, query or header.</param>
public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>A documented request content type; Schema is null when the document gives none.</summary>
public sealed record ApiBody(string ContentType, JsonElement? Schema);
