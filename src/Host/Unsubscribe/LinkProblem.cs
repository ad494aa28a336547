using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Dnd.Host.Unsubscribe;

/// <summary>
/// A bad or unknown link that a contact opened. The contact is a person with a browser, so a request whose Accept
/// prefers HTML gets the branded page with the same 4xx status; every other client (scripts, mail clients' one-click
/// POSTs, the API's users) gets the RFC 7807 problem. Both are declared in the OpenAPI document.
/// </summary>
public sealed class LinkProblem(string title, string detail) : IResult, IEndpointMetadataProvider
{
    public const int Status = StatusCodes.Status400BadRequest;

    public string Title => title;

    public string Detail => detail;

    public Task ExecuteAsync(HttpContext http) => PrefersHtml(http.Request)
        ? UnsubscribePage.Html(title, $"<p>{System.Net.WebUtility.HtmlEncode(detail)}</p>", status: Status).ExecuteAsync(http)
        : TypedResults.Problem(statusCode: Status, title: title, detail: detail).ExecuteAsync(http);

    /// <summary>HTML when text/html is named and weighs more than any JSON type (a browser's Accept); */* alone is not a browser.</summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        double html = 0, json = 0;
        foreach (var type in request.GetTypedHeaders().Accept)
        {
            var q = type.Quality ?? 1;
            if (type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, q);
            }
            else if (type.MediaType.Value is { } name && (name.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || name.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
            {
                json = Math.Max(json, q);
            }
        }
        return html > 0 && html > json;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(Status, typeof(ProblemDetails), ["application/problem+json", "text/html"]));
}
