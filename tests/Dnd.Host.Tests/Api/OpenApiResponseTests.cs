using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>Every operation outside /contacts says what it answers: a schema for its success body and each problem status it can give.</summary>
public class OpenApiResponseTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static readonly string[] Prefixes =
        ["/conversations", "/workflows", "/contacts/{contactId}/workflow", "/smart-lists", "/forms", "/locations", "/admin", "/webhooks", "/unsubscribe", "/u/", "/preferences"];

    /// <summary>The links contacts open in a browser: a bad one may also answer as a page (never instead of declaring the problem).</summary>
    private static readonly string[] ContactFacing = ["/unsubscribe/{token}", "/u/{token}", "/preferences/{token}", "/preferences/confirm/{token}"];

    private async Task<List<(string Operation, JsonElement Responses)>> OperationsAsync()
    {
        var doc = await Http.JsonAsync(await _app.CreateClient().GetAsync("/openapi/v1.json"));
        return doc.GetProperty("paths").EnumerateObject()
            .Where(p => Prefixes.Any(prefix => p.Name.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _))
                .Select(o => ($"{o.Name.ToUpperInvariant()} {p.Name}", o.Value.GetProperty("responses"))))
            .ToList();
    }

    private static IEnumerable<(string Status, string MediaType, JsonElement Schema)> Contents(JsonElement responses) =>
        responses.EnumerateObject().SelectMany(r => r.Value.TryGetProperty("content", out var content)
            ? content.EnumerateObject().Select(c => (r.Name, c.Name, c.Value.TryGetProperty("schema", out var s) ? s : default))
            : []);

    [Fact]
    public async Task Every_operation_has_a_success_schema()
    {
        var operations = await OperationsAsync();

        operations.Should().HaveCountGreaterThan(25);
        operations.Where(o => !Contents(o.Responses).Any(c => c.Status.StartsWith('2') && c.Schema.ValueKind == JsonValueKind.Object))
            .Select(o => o.Operation).Should().BeEmpty("every operation must describe its success body");
        operations.SelectMany(o => Contents(o.Responses).Where(c => !c.Status.StartsWith('2')).Select(c => (o.Operation, c.Status, c.MediaType)))
            .Where(c => c.MediaType != "application/problem+json" && !(c.MediaType == "text/html" && ContactFacing.Any(c.Operation.EndsWith)))
            .Should().BeEmpty("every error is an RFC 7807 problem (a contact-facing link may add a page for browsers)");
    }

    [Theory]
    [InlineData("GET /unsubscribe/{token}")]
    [InlineData("POST /unsubscribe/{token}")]
    [InlineData("GET /u/{token}")]
    [InlineData("POST /u/{token}")]
    public async Task A_bad_contact_facing_link_is_declared_as_a_problem_and_as_a_page(string operation)
    {
        var responses = (await OperationsAsync()).Should().ContainSingle(o => o.Operation == operation).Subject.Responses;

        Contents(responses).Where(c => c.Status == "400").Select(c => c.MediaType).Should().BeEquivalentTo("application/problem+json", "text/html");
    }

    [Theory]
    [InlineData("POST /conversations/messages", "200 application/json", "404 422")]
    [InlineData("GET /conversations/messages", "200 application/json", "404 422")]
    [InlineData("PUT /workflows/{workflowId}", "200 application/json", "422")]
    [InlineData("PUT /workflows/{workflowId}/draft", "200 application/json", "422")]
    [InlineData("GET /workflows/{workflowId}/draft", "200 application/json", "404")]
    [InlineData("POST /workflows/{workflowId}/publish", "200 application/json", "404 422")]
    [InlineData("POST /workflows/{workflowId}/unpublish", "200 application/json", "404")]
    [InlineData("POST /workflows/{workflowId}/rollback", "200 application/json", "400 404 422")]
    [InlineData("DELETE /workflows/{workflowId}", "200 application/json", "404")]
    [InlineData("POST /workflows/templates/{templateId}/install", "201 application/json", "404 409")]
    [InlineData("GET /workflows/{workflowId}", "200 application/json", "404")]
    [InlineData("GET /workflows/{workflowId}/versions", "200 application/json", "404")]
    [InlineData("GET /workflows/instances/{instanceId}", "200 application/json", "404")]
    [InlineData("POST /contacts/{contactId}/workflow/{workflowId}", "200 application/json", "404 409")]
    [InlineData("DELETE /contacts/{contactId}/workflow/{workflowId}", "200 application/json", "404")]
    [InlineData("GET /contacts/{contactId}/workflows", "200 application/json", "404")]
    [InlineData("POST /smart-lists", "201 application/json", "403 422")]
    [InlineData("GET /smart-lists/{listId}/contacts", "200 application/json", "404 422")]
    [InlineData("DELETE /smart-lists/{listId}", "200 application/json", "404")]
    [InlineData("POST /forms/{formId}/submissions", "202 application/json", "403 404 422")]
    [InlineData("PUT /locations/dnd-settings", "200 application/json", "403 422")]
    [InlineData("POST /admin/accounts", "201 application/json", "401 409 422")]
    [InlineData("POST /admin/accounts/{accountId}/api-keys", "200 application/json", "401 404")]
    [InlineData("POST /webhooks/twilio/{accountId}/sms", "200 application/xml", "400 403 404 413 415")]
    [InlineData("POST /webhooks/twilio/{accountId}/status", "200 application/json", "400 403 404 413 415")]
    [InlineData("POST /webhooks/twilio/{accountId}/voice", "200 application/xml", "400 403 404 413 415")]
    [InlineData("POST /webhooks/mailgun/{accountId}", "200 application/json", "400 403 404 406 413")]
    [InlineData("GET /unsubscribe/{token}", "200 text/html", "400")]
    [InlineData("POST /unsubscribe/{token}", "200 text/html", "400 413")]
    public async Task Each_operation_declares_its_answers(string operation, string success, string problems)
    {
        var responses = (await OperationsAsync()).Should().ContainSingle(o => o.Operation == operation).Subject.Responses;

        Contents(responses).Select(c => $"{c.Status} {c.MediaType}").Should().Contain(success);
        foreach (var status in problems.Split(' '))
        {
            Contents(responses).Should().Contain(c => c.Status == status && c.MediaType == "application/problem+json", $"{operation} can answer {status}");
        }
    }
}
