using Dnd.Crm.Consent;
using Dnd.Crm.Imports;
using Dnd.Host.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp;

/// <summary>
/// What a screen says when an action fails: the API's own words for what the API would answer with a 4xx (so staff
/// read what an integration would), and a plain "try again" for anything else, which is logged.
/// </summary>
public static class ActionErrors
{
    public static string Describe(Exception e, ILogger log) => e switch
    {
        ApiValidationException v when v.Errors is { Count: > 0 } errors => $"{v.Message} {string.Join(" ", errors.Select(Sentence))}",
        ApiValidationException v => v.Message,
        ContactNotFoundException => "That contact no longer exists.",
        ImportNotFoundException => "That import no longer exists.",
        DbUpdateConcurrencyException or DbUpdateException => "Someone else changed the same record at the same time; try again.",
        OperationCanceledException => "The request was cancelled.",
        _ => Unexpected(e, log),
    };

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";

    private static string Unexpected(Exception e, ILogger log)
    {
        log.LogError(e, "Operator app action failed");
        return "Something went wrong on the server; try again. If it keeps happening, tell your administrator.";
    }
}
