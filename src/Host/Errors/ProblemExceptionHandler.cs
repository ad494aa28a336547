using Dnd.Crm.Consent;
using Dnd.Crm.Imports;
using Dnd.Crm.Reviews;
using Dnd.Crm.Contacts;
using Dnd.Workflows.Model;
using Dnd.Workflows.Runtime;
using Dnd.Crm.Templates;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Dnd.Rules.Data;

namespace Dnd.Host.Errors;

/// <summary>Maps the domain's exceptions to RFC 7807 problem details, so bad input gets a clear answer, never a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is DuplicateContactException duplicate)
        {
            return await WriteAsync(http, exception, DuplicateProblem(duplicate));
        }
        var (status, title, detail, errors) = exception switch
        {
            ContactNotFoundException e => (404, "Contact not found", e.Message, null),
            ReviewNotFoundException e => (404, "Review not found", e.Message, null),
            ImportNotFoundException e => (404, "Import not found", e.Message, null),
            ReviewClosedException e => (409, "Review already handled", e.Message, null),
            WorkflowContactNotFoundException e => (404, "Contact not found", e.Message, null),
            WorkflowNotFoundException e => (404, "Workflow not found", e.Message, null),
            WorkflowValidationException e => (422, "Invalid workflow", e.Message, e.Errors),
            WorkflowTemplateNotFoundException e => (404, "Workflow template not found", e.Message, null),
            WorkflowExistsException e => (409, "Workflow exists", e.Message, null),
            WorkflowUnpublishedException e => (409, "Workflow unpublished", e.Message, null),
            TemplateException e => (422, "Invalid template", e.Message, e.Errors),
            ApiValidationException e => (e.Status, e.Title, e.Message, e.Errors),
            BadHttpRequestException e => (e.StatusCode, ReasonPhrases.GetReasonPhrase(e.StatusCode), BindingDetail(e), null),
            DbUpdateConcurrencyException => (409, "Conflict", "The record changed while this request was being handled; retry it.", null),
            // A unique index caught what the account's write order should have: a second writer on another server.
            DbUpdateException => (409, "Conflict", "Another request wrote the same record at the same time; retry it.", null),
            RuleSetException e => (500, "Rule set error", e.Message, null),
            _ => (0, null, null, (IReadOnlyList<string>?)null),
        };
        if (status == 0)
        {
            return false;
        }
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = http.Request.Path };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        if (exception is ApiValidationException { Fields: { } fields })
        {
            problem.Extensions["fields"] = fields;
        }
        return await WriteAsync(http, exception, problem);
    }

    /// <summary>
    /// The binder says which parameter failed; its JsonException says where in the body ("Path: $.tags"), which is
    /// the part a caller needs to fix the request.
    /// </summary>
    private static string BindingDetail(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json ? $"{e.Message} {json.Message}" : e.Message;

    /// <summary>HighLevel's "duplicated contacts" answer (statusCode, message, meta.contactId, meta.matchingField) as a problem.</summary>
    private static ProblemDetails DuplicateProblem(DuplicateContactException e) => new()
    {
        Status = 400,
        Title = "Duplicate contact",
        Detail = e.Message,
        Extensions =
        {
            ["statusCode"] = 400,
            ["message"] = e.Message,
            ["contactId"] = e.ContactId,
            ["meta"] = new Dictionary<string, string> { ["contactId"] = e.ContactId, ["matchingField"] = e.MatchingField },
        },
    };

    private async ValueTask<bool> WriteAsync(HttpContext http, Exception exception, ProblemDetails problem)
    {
        problem.Instance ??= http.Request.Path;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
