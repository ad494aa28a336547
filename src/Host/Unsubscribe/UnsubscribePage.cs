using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Unsubscribe;

/// <summary>The plain HTML page every unsubscribe link answers with (email or text): a title and the body given, readable on a phone.</summary>
public static class UnsubscribePage
{
    public static ContentHttpResult Html(string title, string body) => TypedResults.Content(
        $"<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title></head>" +
        $"<body><main><h1>{title}</h1>{body}</main></body></html>", "text/html; charset=utf-8");
}
