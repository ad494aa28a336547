using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Contract;

/// <summary>
/// The API contract issue's demands on /openapi/v1.json: OpenAPI 3.1, the four security schemes applied where they
/// are checked, a success shape and the problem statuses of every operation, every request body described. Each test
/// lists every operation that falls short, not just the first.
/// </summary>
public sealed class OpenApiDocumentTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly string[] OutsideTheApiGroup = ["/admin/", "/webhooks/", "/unsubscribe/", "/u/", "/preferences/", "/health"];

    private async Task<OpenApiContract> DocumentAsync()
    {
        using var client = shared.App.CreateClient();
        return ContractAudit.ContractFor(await client.GetStringAsync("/openapi/v1.json"));
    }

    /// <summary>Operations of the API group: everything but admin, webhooks, unsubscribe pages (email and text) and health.</summary>
    private static bool IsApi(ContractOperation operation) =>
        !OutsideTheApiGroup.Any(prefix => operation.Template.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<(string Status, JsonElement Response)> Responses(OpenApiContract document, ContractOperation operation) =>
        operation.Element.TryGetProperty("responses", out var responses)
            ? responses.EnumerateObject().Select(r => (r.Name, Deref(document, r.Value)))
            : [];

    private static JsonElement Deref(OpenApiContract document, JsonElement element) =>
        element.TryGetProperty("$ref", out var reference)
            ? Json.Pointer.JsonPointer.Parse(reference.GetString()![1..]).Evaluate(document.Root)!.Value
            : element;

    private static IEnumerable<string> SecuritySchemesOf(ContractOperation operation) =>
        operation.Element.TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(p => p.Name))
            : [];

    private static void NoneMissing(IEnumerable<string> missing, string what)
    {
        var list = missing.ToList();
        list.Should().BeEmpty($"every operation should {what}; these do not:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", list)}");
    }

    [Fact]
    public async Task The_document_is_OpenAPI_3_1()
    {
        var document = await DocumentAsync();

        document.Root.GetProperty("openapi").GetString().Should().StartWith("3.1.");
        document.Root.GetProperty("info").GetProperty("title").GetString().Should().Be("Dnd API");
        document.Operations.Should().HaveCountGreaterThan(30);
    }

    [Fact]
    public async Task It_declares_the_bearer_key_the_admin_key_and_both_webhook_signatures()
    {
        var schemes = (await DocumentAsync()).Root.GetProperty("components").GetProperty("securitySchemes");

        var apiKey = schemes.GetProperty("apiKey");
        apiKey.GetProperty("type").GetString().Should().Be("http");
        apiKey.GetProperty("scheme").GetString().Should().Be("bearer");
        var admin = schemes.GetProperty("adminKey");
        (admin.GetProperty("type").GetString(), admin.GetProperty("in").GetString(), admin.GetProperty("name").GetString())
            .Should().Be(("apiKey", "header", "X-Admin-Key"));
        var twilio = schemes.GetProperty("twilioSignature");
        (twilio.GetProperty("type").GetString(), twilio.GetProperty("in").GetString(), twilio.GetProperty("name").GetString())
            .Should().Be(("apiKey", "header", "X-Twilio-Signature"));
        twilio.GetProperty("description").GetString().Should().Contain("HMAC-SHA1").And.Contain("sorted").And.Contain("bodySHA256");
        schemes.GetProperty("mailgunSignature").GetProperty("description").GetString()
            .Should().Contain("HMAC-SHA256").And.Contain("timestamp").And.Contain("token").And.Contain("15 minutes");
    }

    [Fact]
    public async Task Every_operation_declares_a_success_response_with_its_body()
    {
        var document = await DocumentAsync();

        NoneMissing(document.Operations.Where(o => !Responses(document, o).Any(r => r.Status.StartsWith('2') && DescribesBody(r.Response)))
            .Select(o => $"{o}: {string.Join(", ", Responses(document, o).Where(r => r.Status.StartsWith('2')).Select(r => $"{r.Status} {Describe(r.Response)}"))}"),
            "declare a 2xx response with a JSON schema (or a non-JSON media type such as TwiML or HTML)");

        static bool DescribesBody(JsonElement response) =>
            response.TryGetProperty("content", out var content) && content.EnumerateObject().Any() &&
            content.EnumerateObject().All(m => !m.Name.Contains("json") || m.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any());

        static string Describe(JsonElement response) =>
            response.TryGetProperty("content", out var content) ? "with " + string.Join(", ", content.EnumerateObject().Select(m => m.Name)) : "without content";
    }

    [Fact]
    public async Task Every_API_operation_requires_the_bearer_key_and_declares_401()
    {
        var document = await DocumentAsync();
        var api = document.Operations.Where(IsApi).ToList();

        api.Should().HaveCountGreaterThan(20);
        NoneMissing(api.Where(o => !SecuritySchemesOf(o).Contains("apiKey")).Select(o => o.ToString()), "of the API require the apiKey scheme");
        NoneMissing(api.Where(o => !Responses(document, o).Any(r => r.Status == "401")).Select(o => o.ToString()), "of the API declare 401");
        NoneMissing(document.Operations.Where(o => o.Template.StartsWith("/admin/"))
            .Where(o => !SecuritySchemesOf(o).Contains("adminKey") || !Responses(document, o).Any(r => r.Status == "401")).Select(o => o.ToString()),
            "under /admin require adminKey and declare 401");
        NoneMissing(document.Operations.Where(o => o.Template.StartsWith("/webhooks/twilio/")).Where(o => !SecuritySchemesOf(o).Contains("twilioSignature"))
            .Concat(document.Operations.Where(o => o.Template.StartsWith("/webhooks/mailgun/")).Where(o => !SecuritySchemesOf(o).Contains("mailgunSignature")))
            .Select(o => o.ToString()), "of the webhooks name its signature scheme");
    }

    [Fact]
    public async Task Every_error_response_is_a_problem_details()
    {
        var document = await DocumentAsync();

        NoneMissing(document.Operations.SelectMany(o => Responses(document, o)
                .Where(r => r.Status.StartsWith('4') && !IsProblem(r.Response))
                .Select(r => $"{o} {r.Status}")),
            "declare each 4xx as application/problem+json with the ProblemDetails schema");

        static bool IsProblem(JsonElement response) =>
            response.TryGetProperty("content", out var content) &&
            content.TryGetProperty("application/problem+json", out var problem) &&
            problem.TryGetProperty("schema", out var schema) &&
            schema.TryGetProperty("$ref", out var reference) && reference.GetString() == "#/components/schemas/ProblemDetails";
    }

    [Fact]
    public async Task Every_operation_declares_the_statuses_its_family_can_return()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var operation in document.Operations)
        {
            var declared = Responses(document, operation).Select(r => r.Status).ToHashSet();
            var hasBody = operation.Element.TryGetProperty("requestBody", out _);
            // The body limit runs before every endpoint: 413 everywhere.
            var expected = operation.Template switch
            {
                _ when operation.Template.StartsWith("/webhooks/") => ["400", "403", "404", "413", "415"],
                _ when operation.Template.StartsWith("/admin/") => ["401", "413"],
                _ when IsApi(operation) => hasBody ? ["400", "401", "403", "413", "415", "422"] : new[] { "401", "403", "413" },
                _ => ["413"],
            };
            if (IsApi(operation) && operation.Template.Contains('{'))
            {
                expected = [.. expected, "404"];
            }
            var absent = expected.Where(s => !declared.Contains(s)).ToList();
            if (absent.Count > 0)
            {
                missing.Add($"{operation}: {string.Join(", ", absent)}");
            }
        }

        NoneMissing(missing, "declare its family's statuses");
    }

    [Fact]
    public async Task Every_request_body_is_described_webhooks_included()
    {
        var document = await DocumentAsync();

        NoneMissing(document.Operations
                .Where(o => o.Element.TryGetProperty("requestBody", out var body) &&
                            (!body.TryGetProperty("content", out var content) || !content.EnumerateObject().Any() ||
                             content.EnumerateObject().Any(m => !m.Value.TryGetProperty("schema", out _))))
                .Select(o => o.ToString()),
            "describe its request body with a schema for each media type");

        var expected = new Dictionary<string, string[]>
        {
            ["POST /webhooks/twilio/{accountId}/sms"] = ["application/x-www-form-urlencoded", "application/json"],
            ["POST /webhooks/twilio/{accountId}/status"] = ["application/x-www-form-urlencoded", "application/json"],
            ["POST /webhooks/twilio/{accountId}/voice"] = ["application/x-www-form-urlencoded"],
            ["POST /webhooks/mailgun/{accountId}"] = ["application/json"],
            ["POST /unsubscribe/{token}"] = ["application/x-www-form-urlencoded"],
            ["POST /u/{token}"] = ["application/x-www-form-urlencoded"],
        };
        foreach (var (name, mediaTypes) in expected)
        {
            var operation = document.Operations.Single(o => o.ToString() == name);
            operation.Element.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(m => m.Name)
                .Should().Contain(mediaTypes, name);
        }

        var schemas = document.Root.GetProperty("components").GetProperty("schemas");
        Properties(schemas, "TwilioInboundMessage").Should().Contain(["MessageSid", "SmsSid", "From", "To", "Body", "OptOutType"]);
        schemas.GetProperty("TwilioInboundMessage").GetProperty("properties").GetProperty("OptOutType").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(["STOP", "START", "HELP"]);
        Properties(schemas, "TwilioMessageStatus").Should().Contain(["MessageSid", "MessageStatus", "To", "From", "ErrorCode"]);
        Properties(schemas, "TwilioVoiceCall").Should().Contain(["CallSid", "From", "To"]);
        Properties(schemas, "MailgunWebhook").Should().Contain(["signature", "event-data"]);
        schemas.GetProperty("MailgunWebhook").GetProperty("properties").GetProperty("event-data").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Should().Contain(["id", "event", "severity", "reason", "recipient"]);
        schemas.GetProperty("OneClickUnsubscribe").GetProperty("properties").GetProperty("List-Unsubscribe").GetProperty("enum")[0].GetString()
            .Should().Be("One-Click");

        static IEnumerable<string> Properties(JsonElement schemas, string name) =>
            schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name);
    }

    [Fact]
    public async Task Contact_requests_and_problems_carry_examples()
    {
        var document = await DocumentAsync();

        foreach (var name in new[] { "POST /contacts", "PUT /contacts/{contactId}", "POST /contacts/upsert" })
        {
            var media = document.Operations.Single(o => o.ToString() == name).Element
                .GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            media.GetProperty("examples").EnumerateObject().Select(e => e.Value.GetProperty("value").GetRawText())
                .Should().Contain(json => json.Contains("dndSettings"), name);
        }
        document.Root.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("examples")
            .GetArrayLength().Should().BeGreaterThan(0);
    }

    /// <summary>
    /// What the document claims about security is what the server does: every operation it puts under a scheme is
    /// refused without the credential (401 for keys, 403 for a webhook of a real account without a valid signature).
    /// </summary>
    [Fact]
    public async Task Operations_under_a_security_scheme_refuse_requests_without_the_credential()
    {
        var document = await DocumentAsync();
        var account = await TestAccount.CreateAsync(shared.App);
        using var anonymous = shared.App.CreateClient();
        var wrong = new List<string>();
        foreach (var operation in document.Operations)
        {
            var schemes = SecuritySchemesOf(operation).ToList();
            if (schemes.Count == 0)
            {
                continue;
            }
            var path = System.Text.RegularExpressions.Regex.Replace(operation.Template, "{accountId}", account.Id);
            path = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "x");
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = Body(operation) };
            var response = await anonymous.SendAsync(request);
            var expected = schemes.Any(s => s is "apiKey" or "adminKey") ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected)
            {
                wrong.Add($"{operation} ({string.Join(", ", schemes)}): {(int)response.StatusCode} instead of {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        NoneMissing(wrong, "be refused without its credential");

        // A form for form operations; otherwise the example (or an empty object) for JSON; nothing when there is no body.
        static HttpContent? Body(ContractOperation operation)
        {
            if (!operation.Element.TryGetProperty("requestBody", out var body))
            {
                return null;
            }
            var content = body.GetProperty("content");
            if (content.TryGetProperty("application/x-www-form-urlencoded", out _))
            {
                return new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = "+15555550123", ["MessageSid"] = "SM1" });
            }
            var json = content.EnumerateObject().First().Value;
            var example = json.TryGetProperty("example", out var single) ? single.GetRawText()
                : json.TryGetProperty("examples", out var named) ? named.EnumerateObject().First().Value.GetProperty("value").GetRawText()
                : "{}";
            return new StringContent(example, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
    }
}
