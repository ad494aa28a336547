using System.Net.Http.Json;
using System.Text.Json;

namespace Dnd.Host.Tests.Infrastructure;

public static class Http
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts the status, showing the body when it is wrong (a problem-details body says why).</summary>
    public static async Task EnsureAsync(HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Xunit.Sdk.XunitException($"Expected HTTP {status}, got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 7807 problem response with this status and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        await EnsureAsync(response, status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await JsonAsync(response);
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        return problem;
    }
}
