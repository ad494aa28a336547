using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Unsubscribe;

/// <summary>
/// The page every unsubscribe link answers with (email or text): the business's name above a title and the body given,
/// mobile-first (one column, large buttons), with visible focus and a page language for screen readers.
/// </summary>
public static class UnsubscribePage
{
    private const string Style =
        "body{margin:0;font:17px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f6f7f9}" +
        "main{max-width:32rem;margin:0 auto;padding:1.5rem 1.25rem}" +
        ".brand{margin:0 0 .5rem;font-weight:600;color:#3f3f46}h1{font-size:1.5rem;margin:.25rem 0 1rem}" +
        "button{display:block;width:100%;margin:.75rem 0;padding:.9rem 1rem;font:inherit;border-radius:.5rem;border:1px solid #3b3fb6;" +
        "background:#3b3fb6;color:#fff;cursor:pointer}button.secondary{background:#fff;color:#3b3fb6}" +
        "button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}" +
        "fieldset{border:1px solid #d4d4d8;border-radius:.5rem;margin:0 0 1rem;padding:.5rem 1rem;background:#fff}legend{font-weight:600;padding:0 .25rem}" +
        ".state{margin:.25rem 0}.note{color:#3f3f46}[role=status]{font-weight:600}";

    /// <param name="brand">The business the contact knows (its compliance texts' business name); none when the link names no account.</param>
    /// <param name="lang">The page's language (the account's, for the preference center).</param>
    public static ContentHttpResult Html(string title, string body, string? brand = null, int status = StatusCodes.Status200OK, string lang = "en")
    {
        var name = brand is { Length: > 0 } ? $"<p class=\"brand\">{WebUtility.HtmlEncode(brand)}</p>" : "";
        return TypedResults.Content(
            $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{WebUtility.HtmlEncode(title)}</title><style>{Style}</style></head>" +
            $"<body><main>{name}<h1>{WebUtility.HtmlEncode(title)}</h1>{body}</main></body></html>", "text/html; charset=utf-8", statusCode: status);
    }
}
