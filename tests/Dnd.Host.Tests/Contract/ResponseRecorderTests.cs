using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Contract;

/// <summary>The recorder sees what clients see, problem bodies written outside the handlers included.</summary>
public sealed class ResponseRecorderTests
{
    [Fact]
    public async Task Every_response_is_recorded_with_status_content_type_and_body()
    {
        await using var app = new DndApp();
        using var client = app.CreateClient();

        await client.GetAsync("/health");
        await client.GetAsync("/contacts/nobody");
        await client.PostAsJsonAsync("/admin/accounts", new { id = "x" });

        var recorded = app.Responses.Responses;
        recorded.Should().ContainSingle(r => r.Path == "/health" && r.Status == 200 && r.ContentType!.StartsWith("application/json"))
            .Which.Body.Should().NotBeEmpty();
        // Written by the API key filter, not the handler.
        recorded.Should().ContainSingle(r => r.Method == "GET" && r.Path == "/contacts/nobody" && r.Status == 401 && r.ContentType == "application/problem+json");
        recorded.Should().ContainSingle(r => r.Method == "POST" && r.Path == "/admin/accounts" && r.Status == 401);
    }

    [Fact]
    public async Task The_recorded_responses_of_a_server_are_audited_against_its_document()
    {
        await using var app = new DndApp();
        using var client = app.CreateClient();
        await client.GetAsync("/contacts/nobody");

        var violations = await ContractAudit.ViolationsAsync(app, app.Responses.Responses);

        // 401 from the API key filter is declared for every API operation, with the problem schema it is written in.
        violations.Should().BeEmpty();
    }
}
