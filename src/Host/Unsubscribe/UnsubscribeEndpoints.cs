using System.Net;
using Dnd.Rules.Events;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Messaging;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Unsubscribe;

/// <summary>
/// Email unsubscribe: GET shows a confirmation page (link scanners follow GETs, so GET never unsubscribes);
/// POST unsubscribes, and is the RFC 8058 one-click target named by List-Unsubscribe-Post.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static void MapUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/unsubscribe").WithTags("Unsubscribe").DisableAntiforgery();
        group.MapGet("/{token}", ConfirmAsync);
        group.MapPost("/{token}", UnsubscribeAsync);
    }

    private static async Task<IResult> ConfirmAsync(string token, UnsubscribeTokens tokens, DndDbContext db, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var claim))
        {
            return InvalidToken();
        }
        var email = await db.Contacts.AsNoTracking().Where(c => c.Id == claim!.ContactId && c.AccountId == claim.AccountId)
            .Select(c => c.Email).FirstOrDefaultAsync(ct);
        var who = WebUtility.HtmlEncode(email ?? "this address");
        return Page("Unsubscribe", $"""
            <p>Stop receiving emails at <strong>{who}</strong>?</p>
            <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">Unsubscribe</button></form>
            """);
    }

    private static async Task<IResult> UnsubscribeAsync(string token, UnsubscribeTokens tokens, ConsentService consent, WorkSignal signal, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var claim))
        {
            return InvalidToken();
        }
        try
        {
            await consent.ApplyAsync(claim!.AccountId, claim.ContactId, new UnsubscribeLinkEvent(claim.MessageId), ct);
            signal.Pulse();
        }
        catch (ContactNotFoundException)
        {
            // Contact already deleted: there is nobody left to email, which is what they asked for.
        }
        return Page("Unsubscribed", "<p>You have been unsubscribed. You will not receive further emails from us.</p>");
    }

    private static IResult InvalidToken() => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid unsubscribe link",
        detail: "This unsubscribe link is not valid. Reply to the email you received and ask to be removed.");

    private static IResult Page(string title, string body) => Results.Content(
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>",
        "text/html; charset=utf-8");
}
