using System.Net.Http.Json;
using System.Text;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>
/// The credential is checked before the body is read: without a valid key every request is a 401, whatever it
/// sends, so an anonymous caller cannot probe which shapes an endpoint accepts.
/// </summary>
public class CredentialTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    public static TheoryData<string, string, string> Requests => new()
    {
        { "POST", "/contacts/", "{\"tags\": {}}" },
        { "POST", "/contacts/", "not json" },
        { "PUT", "/contacts/any", "{\"firstName\": 5}" },
        { "POST", "/contacts/search", "{\"page\": \"x\"}" },
        { "POST", "/conversations/messages", "[]" },
        { "PUT", "/locations/dnd-settings/", "{\"unsubscribeScope\": 99}" },
        { "POST", "/admin/accounts", "{\"id\": {}}" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Without_a_valid_key_a_malformed_body_is_still_a_401(string method, string path, string body)
    {
        foreach (var key in new[] { null, "Bearer wrong-key" })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (key is not null)
            {
                request.Headers.TryAddWithoutValidation(path.StartsWith("/admin") ? "X-Admin-Key" : "Authorization", key);
            }
            await Http.ProblemAsync(await _app.CreateClient().SendAsync(request), 401);
        }
    }

    [Fact]
    public async Task With_a_valid_key_the_same_body_is_read_and_refused_as_it_deserves()
    {
        var account = await TestAccount.CreateAsync(_app);
        var problem = await Http.ProblemAsync(await account.Client.PostAsync("/contacts/", new StringContent("{\"tags\": {}}", Encoding.UTF8, "application/json")), 400);
        problem.GetProperty("detail").GetString().Should().Contain("$.tags", "the binder's path names the field at fault");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync($"/contacts/search?locationId=someone-else", new { }), 403);
    }
}
