using System.Text.Json;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// The properties every request must keep, whatever it sent: no 5xx; every 4xx an RFC 7807 problem+json whose
/// status matches and which has a title; and a refused request leaves the database exactly as it was.
/// </summary>
public static class CaseChecks
{
    /// <returns>Each broken rule as (kind, what distinguishes it from other failures of that kind).</returns>
    /// <param name="htmlPageAllowed">The request asked for HTML of a contact-facing link that declares a page for this status:
    /// then a page (with a title and a heading that say what went wrong) stands in for the problem.</param>
    public static IEnumerable<(string Kind, string Signature)> Violations(CaseOutcome outcome, bool htmlPageAllowed = false)
    {
        var exception = outcome.ServerErrors.Select(e => e.Exception).FirstOrDefault();
        if (outcome.Status == 0)
        {
            // No response: a server exception, or a timeout, is a failure; a request the client refused to send is not.
            if (exception is not null)
            {
                yield return ("no response", Signature(exception));
            }
            else if (outcome.Thrown is TaskCanceledException or TimeoutException)
            {
                yield return ("timeout", outcome.Thrown.GetType().Name);
            }
            yield break;
        }
        if (outcome.Status >= 500)
        {
            yield return ("5xx", exception is null ? FailureLog.Start(outcome.Body, 80) : Signature(exception));
            yield break;
        }
        if (outcome.Status is < 400 or >= 500)
        {
            yield break;
        }
        var mediaType = outcome.ContentType?.Split(';')[0].Trim();
        if (htmlPageAllowed && mediaType == "text/html")
        {
            if (HtmlPageShape(outcome) is { } missing)
            {
                yield return ("4xx page body", missing);
            }
        }
        else if (mediaType is not "application/problem+json")
        {
            yield return ("4xx not problem+json", outcome.ContentType ?? "(no content type)");
        }
        else if (ProblemShape(outcome) is { } wrong)
        {
            yield return ("4xx problem body", wrong);
        }
        if (outcome.ChangedTables.Count > 0)
        {
            yield return ("4xx changed state", string.Join(",", outcome.ChangedTables));
        }
    }

    private static string? HtmlPageShape(CaseOutcome outcome)
    {
        var page = System.Text.Encoding.UTF8.GetString(outcome.Body);
        return page.Contains("<title>", StringComparison.Ordinal) && page.Contains("<h1>", StringComparison.Ordinal) ? null : "no title or heading";
    }

    private static string? ProblemShape(CaseOutcome outcome)
    {
        try
        {
            using var doc = JsonDocument.Parse(outcome.Body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "not a JSON object";
            }
            if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || status.GetInt32() != outcome.Status)
            {
                return "status missing or not the HTTP status";
            }
            if (!root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(title.GetString()))
            {
                return "title missing";
            }
            return null;
        }
        catch (JsonException)
        {
            return "not JSON";
        }
    }

    /// <summary>Exception type and the first frame in our code: the same bug reached twice reads the same.</summary>
    public static string Signature(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is AggregateException or System.Reflection.TargetInvocationException)
        {
            inner = inner.InnerException;
        }
        var frame = inner.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Dnd.", StringComparison.Ordinal))
                    ?? inner.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
        frame = frame.Split(" in ")[0];
        return $"{inner.GetType().Name} {frame}";
    }
}
