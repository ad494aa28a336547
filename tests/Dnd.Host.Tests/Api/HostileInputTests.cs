using System.Net.Http.Json;
using System.Text;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Api;

/// <summary>Nulls, wrong types and missing parts are the caller's mistake: a 4xx problem, never a 5xx.</summary>
public class HostileInputTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task ShouldBeClientErrorAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        status.Should().BeInRange(400, 499, $"{what} is the caller's mistake, answered {await response.Content.ReadAsStringAsync()}");
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", what);
    }

    [Theory]
    [InlineData("""{"id":"w","name":"w","activities":null,"connections":[]}""")]
    [InlineData("""{"id":"w","name":"w","activities":[null],"connections":[]}""")]
    [InlineData("""{"id":"w","name":"w","activities":[{"id":"a","type":"Delay","properties":{"duration":"PT1M"}}],"connections":null}""")]
    [InlineData("""{"id":"w","name":"w","activities":[{"id":"a","type":"Delay","properties":{"duration":"PT1M"}}],"connections":[null]}""")]
    [InlineData("""{"id":"w","name":"w","activities":[{"id":"a","type":"Delay","properties":{"duration":"1e300"}}],"connections":[]}""")]
    [InlineData("""{"id":"w","name":"w","activities":[{"id":null,"type":null}],"connections":[]}""")]
    [InlineData("""{"id":"w","name":"w","activities":"Delay","connections":[]}""")]
    [InlineData("""{"id":"w","name":5}""")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task A_malformed_workflow_is_refused(string json)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "hostile-" + Guid.NewGuid().ToString("N")[..8];

        await ShouldBeClientErrorAsync(await account.Client.PutAsync($"/workflows/{id}", Json(json.Replace("\"id\":\"w\"", $"\"id\":\"{id}\""))), json);

        await Http.ProblemAsync(await account.Client.GetAsync($"/workflows/{id}"), 404);
    }

    [Theory]
    [InlineData("""{"consent":null,"email":"a@example.com"}""")]
    [InlineData("""{"contactId":null,"email":null,"phone":null,"firstName":null,"lastName":null,"consent":true}""")]
    [InlineData("""{"email":5,"consent":true}""")]
    [InlineData("""{"email":["a@example.com"],"consent":true}""")]
    [InlineData("""{"consent":"yes","email":"a@example.com"}""")]
    [InlineData("""{"contactId":{},"consent":true}""")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task A_malformed_form_submission_is_refused(string json)
    {
        var account = await TestAccount.CreateAsync(_app);

        await ShouldBeClientErrorAsync(await account.Client.PostAsync("/forms/f1/submissions", Json(json)), json);

        (await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { }))).GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("""{"name":5}""")]
    [InlineData("""{"name":null}""")]
    [InlineData("""{"name":"x","excludeAnyDnd":"yes"}""")]
    [InlineData("""{"name":"x","excludeAnyDnd":null}""")]
    [InlineData("""{"name":"x","tag":["a"]}""")]
    [InlineData("""{"name":"x","excludeDndChannel":1}""")]
    [InlineData("""{"name":"x","query":{}}""")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task A_malformed_smart_list_is_refused(string json)
    {
        var account = await TestAccount.CreateAsync(_app);

        await ShouldBeClientErrorAsync(await account.Client.PostAsync("/smart-lists/", Json(json)), json);

        (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("/smart-lists/x/contacts?page=abc")]
    [InlineData("/smart-lists/x/contacts?pageLimit=99999999999999999999")]
    [InlineData("/conversations/messages")]
    [InlineData("/conversations/messages?contactId=")]
    [InlineData("/workflows/x?version=abc")]
    [InlineData("/workflows/x?version=99999999999")]
    public async Task A_malformed_query_is_refused(string path)
    {
        var account = await TestAccount.CreateAsync(_app);

        await ShouldBeClientErrorAsync(await account.Client.GetAsync(path), path);
    }

    [Theory]
    [InlineData("""{"type":5,"contactId":"x","message":"m"}""")]
    [InlineData("""{"type":"SMS","contactId":["x"],"message":"m"}""")]
    [InlineData("""{"type":"SMS","contactId":"x","message":{"text":"m"}}""")]
    [InlineData("""{"type":"SMS","contactId":null,"message":null}""")]
    [InlineData("null")]
    public async Task A_malformed_message_is_refused(string json)
    {
        var account = await TestAccount.CreateAsync(_app);

        await ShouldBeClientErrorAsync(await account.Client.PostAsync("/conversations/messages", Json(json)), json);
    }

    [Theory]
    [InlineData("""{"optOutKeywords":"STOP"}""")]
    [InlineData("""{"keywordChannels":[1]}""")]
    [InlineData("""{"sendCapPerHour":"ten"}""")]
    [InlineData("""{"sendCapPerHour":1e300}""")]
    [InlineData("""{"allowDuplicateContact":"true"}""")]
    [InlineData("""{"unsubscribeScope":1}""")]
    [InlineData("""{"optOutKeywords":[null]}""")]
    [InlineData("null")]
    public async Task Malformed_settings_are_refused_and_change_nothing(string json)
    {
        var account = await TestAccount.CreateAsync(_app);
        var before = await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync();

        await ShouldBeClientErrorAsync(await account.Client.PutAsync("/locations/dnd-settings/", Json(json)), json);

        (await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("""{"signature":null,"event-data":{"id":"e","event":"complained","recipient":"RECIPIENT"}}""", 403)]
    [InlineData("""{"signature":"SIGNATURE","event-data":{"id":"e","event":"complained","recipient":"RECIPIENT"}}""", 400)]
    [InlineData("""{"signature":{"timestamp":"TS","token":"TOKEN","signature":"SIG"},"event-data":"complained"}""", 400)]
    [InlineData("""{"signature":{"timestamp":"TS","token":"TOKEN","signature":"SIG"},"event-data":null}""", 400)]
    [InlineData("""{"signature":{"timestamp":"TS","token":"TOKEN","signature":"SIG"},"event-data":{"id":5,"event":"complained","recipient":"RECIPIENT"}}""", 400)]
    [InlineData("""{"signature":{"timestamp":"TS","token":"TOKEN","signature":"SIG"},"event-data":{"id":"e","event":"complained","recipient":["RECIPIENT"]}}""", 400)]
    [InlineData("""{"signature":{"timestamp":TS,"token":"TOKEN","signature":"SIG"},"event-data":{"id":"e","event":"complained","recipient":"RECIPIENT"}}""", 400)]
    [InlineData("""{"signature":{"timestamp":"TS","token":"TOKEN","signature":"SIG"},"event-data":{"id":"e","event":"complained","recipient":"not an address"}}""", 400)]
    [InlineData("""{"signature":{"timestamp":"TS","token":"TOKEN","signature":"SIG"},"event-data":{"id":"LONG","event":"complained","recipient":"RECIPIENT"}}""", 400)]
    [InlineData("[]", 400)]
    [InlineData("null", 403)]
    public async Task Malformed_mailgun_payloads_are_refused_and_change_nothing(string template, int status)
    {
        var account = await TestAccount.CreateAsync(_app);
        var email = $"m{Guid.NewGuid():N}@example.com";
        var id = (await account.CreateContactAsync(new { email })).GetProperty("id").GetString()!;
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var token = Guid.NewGuid().ToString("N");
        // Correctly signed where the shape allows, so the refusal is about the shape.
        var json = template.Replace("LONG", new string('x', 2000)).Replace("RECIPIENT", email).Replace("TS", timestamp).Replace("TOKEN", token)
            .Replace("SIGNATURE", "x").Replace("SIG", MailgunSignature.Compute(account.MailgunKey, timestamp, token));

        await Http.ProblemAsync(await _app.CreateClient().PostAsync($"/webhooks/mailgun/{account.Id}", Json(json)), status);

        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
    }

    [Theory]
    [InlineData("text/plain", "STOP", 415)]
    [InlineData("application/json", "{\"Body\":\"STOP\"}", 403)]
    public async Task Twilio_bodies_of_the_wrong_kind_are_refused(string contentType, string body, int status)
    {
        var account = await TestAccount.CreateAsync(_app);

        await Http.ProblemAsync(await _app.CreateClient().PostAsync($"/webhooks/twilio/{account.Id}/sms", new StringContent(body, Encoding.UTF8, contentType)), status);
    }
}
