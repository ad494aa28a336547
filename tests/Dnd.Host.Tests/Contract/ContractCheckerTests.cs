using System.Text;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Contract;

/// <summary>
/// The audit can fail: fabricated responses that the document does not declare are caught, and declared ones pass.
/// The document here is written in the shapes the .NET generator emits (type arrays for nullable, integers that may
/// be strings, component references, a referenced response, a status range).
/// </summary>
public sealed class ContractCheckerTests
{
    private const string Document = """
        {
          "openapi": "3.1.1",
          "info": { "title": "fabricated", "version": "1" },
          "paths": {
            "/contacts/{contactId}": {
              "get": {
                "responses": {
                  "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ContactResponse" } } } },
                  "404": { "description": "Not found", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }
                }
              },
              "delete": { "responses": { "204": { "description": "Deleted" } } }
            },
            "/contacts/search": {
              "post": {
                "responses": {
                  "200": { "description": "OK", "content": { "application/json": { "schema": {
                    "type": "object", "required": ["total"],
                    "properties": { "total": { "pattern": "^-?(?:0|[1-9]\\d*)$", "type": ["integer", "string"], "format": "int32" } } } } } },
                  "4XX": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/webhooks/twilio/{accountId}/sms": {
              "post": { "responses": { "200": { "description": "TwiML", "content": { "application/xml": { "schema": { "type": "string" } } } } } }
            },
            "/health": { "get": { "responses": { "200": { "description": "OK" } } } }
          },
          "components": {
            "schemas": {
              "ContactResponse": { "type": "object", "required": ["contact"], "properties": { "contact": { "$ref": "#/components/schemas/Contact" } } },
              "Contact": {
                "type": "object", "required": ["id", "dnd"],
                "properties": {
                  "id": { "type": "string" },
                  "email": { "type": ["null", "string"] },
                  "dnd": { "type": "boolean" },
                  "inbound": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Inbound" }] }
                }
              },
              "Inbound": { "type": "object", "required": ["status"], "properties": { "status": { "type": "string", "enum": ["active", "inactive"] } } },
              "ProblemDetails": { "type": "object", "required": ["status", "title"], "properties": { "status": { "type": "integer" }, "title": { "type": "string" } } }
            },
            "responses": {
              "Problem": { "description": "A problem", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }
            }
          }
        }
        """;

    private readonly OpenApiContract _contract = new(Document);

    private static ObservedResponse Observed(string method, string path, int status, string? contentType = null, string body = "") =>
        new(method, path, status, contentType, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_declared_response_whose_body_matches_passes()
    {
        _contract.Check(Observed("GET", "/contacts/c1", 200, "application/json; charset=utf-8",
            """{"contact": {"id": "c1", "email": null, "dnd": false, "inbound": {"status": "active"}, "extra": 1}}""")).Should().BeNull();
        _contract.Check(Observed("POST", "/contacts/search", 200, "application/json", """{"total": 3}""")).Should().BeNull();
        _contract.Check(Observed("DELETE", "/contacts/c1", 204)).Should().BeNull();
    }

    [Fact]
    public void An_undeclared_status_is_a_violation()
    {
        var violation = _contract.Check(Observed("GET", "/contacts/c1", 500, "application/problem+json", """{"status": 500, "title": "Oops"}"""));

        violation.Should().NotBeNull();
        violation!.Operation.Should().Be("GET /contacts/{contactId}");
        violation.Problem.Should().Contain("status 500 is not declared").And.Contain("200, 404");
    }

    [Fact]
    public void A_body_that_does_not_match_its_schema_is_a_violation()
    {
        var missing = _contract.Check(Observed("GET", "/contacts/c1", 200, "application/json", """{"contact": {"id": "c1"}}"""));
        var wrongType = _contract.Check(Observed("GET", "/contacts/c1", 200, "application/json", """{"contact": {"id": 7, "dnd": "no"}}"""));
        var badEnum = _contract.Check(Observed("GET", "/contacts/c1", 200, "application/json",
            """{"contact": {"id": "c1", "dnd": true, "inbound": {"status": "maybe"}}}"""));
        var nullNotAllowed = _contract.Check(Observed("GET", "/contacts/c1", 200, "application/json", """{"contact": null}"""));
        var notJson = _contract.Check(Observed("GET", "/contacts/c1", 200, "application/json", "<html>"));

        missing!.Problem.Should().Contain("does not match ContactResponse").And.Contain("/contact").And.Contain("dnd");
        wrongType!.Problem.Should().Contain("/contact/id").And.Contain("/contact/dnd");
        badEnum!.Problem.Should().Contain("/contact/inbound");
        nullNotAllowed.Should().NotBeNull();
        notJson!.Problem.Should().Contain("not JSON");
    }

    [Fact]
    public void Numbers_the_generator_allows_as_strings_pass_and_other_types_do_not()
    {
        _contract.Check(Observed("POST", "/contacts/search", 200, "application/json", """{"total": "12"}""")).Should().BeNull();
        _contract.Check(Observed("POST", "/contacts/search", 200, "application/json", """{"total": "twelve"}""")).Should().NotBeNull();
        _contract.Check(Observed("POST", "/contacts/search", 200, "application/json", """{"total": 1.5}""")).Should().NotBeNull();
    }

    [Fact]
    public void A_content_type_the_response_does_not_declare_is_a_violation()
    {
        var plainJson = _contract.Check(Observed("GET", "/contacts/c1", 404, "application/json", """{"status": 404, "title": "Not found"}"""));
        var html = _contract.Check(Observed("POST", "/webhooks/twilio/a1/sms", 200, "text/html", "<p>hi</p>"));

        plainJson!.Problem.Should().Contain("content type application/json is not declared");
        html!.Problem.Should().Contain("text/html");
        _contract.Check(Observed("POST", "/webhooks/twilio/a1/sms", 200, "application/xml", "<Response/>")).Should().BeNull();
    }

    [Fact]
    public void A_status_range_and_a_referenced_response_are_followed()
    {
        _contract.Check(Observed("POST", "/contacts/search", 422, "application/problem+json", """{"status": 422, "title": "Invalid"}""")).Should().BeNull();

        var badProblem = _contract.Check(Observed("POST", "/contacts/search", 422, "application/problem+json", """{"status": "422"}"""));
        var serverError = _contract.Check(Observed("POST", "/contacts/search", 500, "application/problem+json", """{"status": 500, "title": "x"}"""));

        badProblem!.Problem.Should().Contain("ProblemDetails").And.Contain("title");
        serverError!.Problem.Should().Contain("status 500 is not declared");
    }

    [Fact]
    public void A_body_where_the_response_declares_none_and_an_empty_body_where_it_declares_one_are_violations()
    {
        _contract.Check(Observed("GET", "/health", 200, "application/json", """{"status": "ok"}"""))!.Problem
            .Should().Contain("declares no content");
        _contract.Check(Observed("GET", "/contacts/c1", 200))!.Problem.Should().Contain("body is empty");
    }

    [Fact]
    public void Paths_match_templates_like_routing_does()
    {
        _contract.Find("POST", "/contacts/search")!.Template.Should().Be("/contacts/search");
        _contract.Find("GET", "/Contacts/c1/")!.Template.Should().Be("/contacts/{contactId}");
        _contract.Find("GET", "/contacts/c1/tags").Should().BeNull();
        _contract.Find("PUT", "/contacts/c1").Should().BeNull();
        // Requests no operation serves (static files, the document, the reference) are not the contract's business.
        _contract.Check(Observed("GET", "/designer/index.html", 200, "text/html", "<html>")).Should().BeNull();
    }

    [Fact]
    public async Task The_real_document_catches_an_undeclared_status_and_a_problem_without_a_title()
    {
        await using var app = new DndApp();
        // Kept out of app.Responses, so the audit of this app at dispose does not report them.
        ObservedResponse[] fabricated =
        [
            Observed("GET", "/contacts/c1", 599, "application/problem+json", """{"status": 599, "title": "Odd"}"""),
            Observed("GET", "/contacts/c1", 401, "application/problem+json", """{"status": 401}"""),
            Observed("GET", "/contacts/c1", 401, "application/problem+json", """{"status": 401, "title": "Unauthorized"}"""),
        ];

        var violations = await ContractAudit.ViolationsAsync(app, fabricated);

        violations.Select(v => (v.Operation, v.Observed.Status)).Should().BeEquivalentTo(new[]
        {
            ("GET /contacts/{contactId}", 599),
            ("GET /contacts/{contactId}", 401),
        });
        violations[1].Problem.Should().Contain("ProblemDetails").And.Contain("title");
    }
}
