using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Contract;

/// <summary>/docs is the interactive reference (Scalar) over /openapi/v1.json, served whole by the server itself.</summary>
public sealed class ApiReferenceTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Docs_serves_the_Scalar_reference_for_the_v1_document()
    {
        using var client = shared.App.CreateClient();

        var page = await client.GetAsync("/docs");

        await Http.EnsureAsync(page, 200);
        page.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/docs/");
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<title>Dnd API reference</title>").And.Contain("scalar.js").And.Contain("openapi/v1.json");
    }

    [Fact]
    public async Task The_reference_script_is_served_locally_and_the_document_it_loads_is_OpenAPI_3_1()
    {
        using var client = shared.App.CreateClient();

        var script = await client.GetAsync("/docs/scalar.js");
        var document = await client.GetAsync("/openapi/v1.json");

        await Http.EnsureAsync(script, 200);
        (await script.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(100_000);
        await Http.EnsureAsync(document, 200);
        (await Http.JsonAsync(document)).GetProperty("openapi").GetString().Should().StartWith("3.1.");
    }
}
