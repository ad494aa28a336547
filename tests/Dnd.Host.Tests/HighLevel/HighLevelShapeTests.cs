using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.HighLevel;

/// <summary>
/// Real responses of every contacts endpoint, for contacts with and without DND (user, permanent, keyword, spam lock,
/// inbound), custom fields and tags, held against HighLevel's published shapes; every request sent is first checked
/// to be one HighLevel's request schemas allow.
/// </summary>
public class HighLevelShapeTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task Every_contacts_response_is_highlevels_shape()
    {
        var account = await TestAccount.CreateAsync(_app);
        var loc = account.Id;

        var plain = await SendAsync(account, HttpMethod.Post, "/contacts/", "CreateContactDto", $$"""{ "locationId": "{{loc}}", "phone": "+15551600001" }""", 201);
        plain.ShouldMatch("CreateContactResponse", "a create without DND");
        var bare = plain.GetProperty("contact");
        bare.TryGetProperty("firstName", out _).Should().BeFalse("a field without a value is left out, not null");
        bare.GetProperty("dndSettings").GetProperty("SMS").GetProperty("message").GetString().Should().Be("");
        bare.GetProperty("dndSettings").GetProperty("SMS").GetProperty("code").GetString().Should().Be("");

        var full = await SendAsync(account, HttpMethod.Post, "/contacts/", "CreateContactDto", $$"""
            {
              "locationId": "{{loc}}", "firstName": "Dee", "lastName": "Lane", "name": null, "email": "Dee@Example.com",
              "phone": "+1 555-160-0002", "companyName": "Acme", "source": "public api", "country": "US", "address1": "1 Main St",
              "timezone": "America/Chihuahua", "tags": ["vip", "lead"],
              "dndSettings": {
                "SMS": { "status": "active", "message": "asked by phone" },
                "Email": { "status": "permanent", "message": "asked in writing", "code": "theirs" },
                "Call": { "status": "inactive" }
              },
              "inboundDndSettings": { "all": { "status": "active", "message": "no inbound calls" } },
              "customFields": [
                { "id": "cf_text", "key": "favourite_colour", "field_value": "blue" },
                { "id": "cf_money", "field_value": 42.5 },
                { "id": "cf_multi", "field_value": ["a", "b"] },
                { "id": "cf_file", "field_value": { "doc1": { "url": "https://example.com/f.pdf" } } }
              ]
            }
            """, 201);
        full.ShouldMatch("CreateContactResponse", "a create with DND, inbound DND, tags and custom fields");
        var contact = full.GetProperty("contact");
        var id = contact.GetProperty("id").GetString()!;
        var dnd = contact.GetProperty("dndSettings");
        dnd.GetProperty("Email").GetProperty("status").GetString().Should().Be("permanent");
        dnd.GetProperty("Email").GetProperty("code").GetString().Should().Be("user_permanent");
        dnd.GetProperty("Call").GetProperty("message").GetString().Should().Be("", "nothing was ever set on Call");
        contact.GetProperty("customFields").GetArrayLength().Should().Be(4);
        contact.GetProperty("customFields")[1].GetProperty("value").GetDouble().Should().Be(42.5);

        (await SendAsync(account, HttpMethod.Get, $"/contacts/{id}", null, null, 200)).ShouldMatch("GetContactResponse", "a read");

        var updated = await SendAsync(account, HttpMethod.Put, $"/contacts/{id}", "UpdateContactDto", """
            {
              "firstName": "Dee-Ann", "email": null, "source": null,
              "customFields": [{ "id": "cf_text", "field_value": "green" }, { "id": "cf_multi", "field_value": ["c"] }],
              "dndSettings": { "WhatsApp": { "status": "active" } }
            }
            """, 200);
        updated.ShouldMatch("UpdateContactResponse", "an update that sets DND");
        updated.GetProperty("contact").GetProperty("customFields").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetString(), f.GetProperty("value").ToString()))
            .Should().Equal(("cf_text", "green"), ("cf_money", "42.5"), ("cf_multi", """["c"]"""), ("cf_file", """{"doc1":{"url":"https://example.com/f.pdf"}}"""));

        var existing = await SendAsync(account, HttpMethod.Post, "/contacts/upsert", "UpsertContactDto",
            $$"""{ "locationId": "{{loc}}", "phone": "+15551600002", "lastName": "Lane-Smith", "dnd": true }""", 200);
        existing.ShouldMatch("UpsertContactResponse", "an upsert that updates");
        existing.GetProperty("new").GetBoolean().Should().BeFalse();
        var created = await SendAsync(account, HttpMethod.Post, "/contacts/upsert", "UpsertContactDto",
            $$"""{ "locationId": "{{loc}}", "email": "new@example.com", "createNewIfDuplicateAllowed": false }""", 200);
        created.ShouldMatch("UpsertContactResponse", "an upsert that creates");
        created.GetProperty("new").GetBoolean().Should().BeTrue();

        var stopped = (await SendAsync(account, HttpMethod.Post, "/contacts/", "CreateContactDto", $$"""{ "locationId": "{{loc}}", "phone": "+15551600003" }""", 201))
            .GetProperty("contact").GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15551600003", "STOP");
        await Mailgun.PostAsync(_app, account, "new@example.com", "complained");
        var keyword = await SendAsync(account, HttpMethod.Get, $"/contacts/{stopped}", null, null, 200);
        keyword.ShouldMatch("GetContactResponse", "a contact with a keyword opt-out");
        keyword.GetProperty("contact").GetProperty("dndSettings").GetProperty("SMS").GetProperty("code").GetString().Should().Be("keyword_opt_out");

        var search = await SendAsync(account, HttpMethod.Post, "/contacts/search", "SearchBodyV2DTO", $$"""
            { "locationId": "{{loc}}", "page": 1, "pageLimit": 20, "filters": [{ "field": "dndSettings.SMS.status", "operator": "eq", "value": "permanent" }] }
            """, 200);
        search.ShouldMatch("SearchContactsResponse", "a filtered search");
        search.GetProperty("total").GetInt32().Should().Be(1);
        var everyone = await SendAsync(account, HttpMethod.Post, "/contacts/search", "SearchBodyV2DTO", $$"""{ "locationId": "{{loc}}" }""", 200);
        everyone.ShouldMatch("SearchContactsResponse", "a search over every kind of contact (plain, user DND, keyword, spam lock)");
        everyone.GetProperty("total").GetInt32().Should().Be(4);

        (await SendAsync(account, HttpMethod.Post, $"/contacts/{id}/tags", "TagsDTO", """{ "tags": ["new"] }""", 200)).ShouldMatch("TagsResponse", "adding tags");
        (await SendAsync(account, HttpMethod.Delete, $"/contacts/{id}/tags", "TagsDTO", """{ "tags": ["VIP"] }""", 200)).ShouldMatch("TagsResponse", "removing tags");

        (await SendAsync(account, HttpMethod.Delete, $"/contacts/{id}", null, null, 200)).ShouldMatch("DeleteContactResponse", "a delete");
    }

    [Fact]
    public async Task The_schema_fails_what_highlevel_would_not_send()
    {
        var account = await TestAccount.CreateAsync(_app);
        var real = await SendAsync(account, HttpMethod.Post, "/contacts/", "CreateContactDto",
            $$"""{ "locationId": "{{account.Id}}", "email": "shape@example.com", "customFields": [{ "id": "a", "field_value": "x" }] }""", 201);
        real.ShouldMatch("CreateContactResponse", "the real response the fabricated ones start from");

        Fails(real, c => c["dndSettings"]!["SMS"]!["message"] = null, "/contact/dndSettings/SMS/message");
        Fails(real, c => c["dndSettings"]!["Email"]!["code"] = null, "/contact/dndSettings/Email/code");
        Fails(real, c => c["dndSettings"]!["SMS"]!["status"] = "blocked", "/contact/dndSettings/SMS/status");
        Fails(real, c => c["firstName"] = null, "/contact/firstName");
        Fails(real, c => c["dateAdded"] = "2021-07-02T05:18:26.7040000+00:00", "/contact/dateAdded");
        Fails(real, c => c["customFields"] = new JsonObject { ["a"] = "x" }, "/contact/customFields");
        Fails(real, c => c["customFields"]![0]!["value"] = null, "/contact/customFields/0/value");
        Fails(real, c => c["tags"] = null, "/contact/tags");
        Fails(real, c => c["somethingNew"] = 1, "/contact");

        HighLevelSchema.Errors("CreateContactDto", Parse("""{ "email": "a@example.com" }""")).Should().NotBeEmpty("locationId is required");
        HighLevelSchema.Errors("UpdateContactDto", Parse("""{ "tags": {} }""")).Should().NotBeEmpty();
        HighLevelSchema.Errors("UpdateContactDto", Parse("""{ "dndSettings": { "SMS": { "message": "no status" } } }""")).Should().NotBeEmpty();
        HighLevelSchema.Errors("GetContactResponse", Parse("""
            {
              "contact": {
                "id": "seD4PfOuKoVMLkEZqohJ", "locationId": "ve9EPM428h8vShlRW1KT", "firstName": "rubika", "lastName": "Deo",
                "email": "rubika@deos.com", "emailLowerCase": "rubika@deos.com", "companyName": "DGS VolMAX", "phone": "+18832327657",
                "dnd": true, "dndSettings": { "SMS": { "status": "active", "message": "", "code": "" } }, "source": "public api",
                "tags": ["nisi sint commodo amet", "consequat"], "dateAdded": "2021-07-02T05:18:26.704Z", "dateUpdated": "2021-07-02T05:18:26.704Z",
                "customFields": [{ "id": "MgobCB14YMVKuE4Ka8p1", "value": "name" }]
              }
            }
            """)).Should().BeEmpty("HighLevel's own example is its shape");
    }

    private static void Fails(JsonElement real, Action<JsonObject> spoil, string where)
    {
        var body = JsonNode.Parse(real.GetRawText())!.AsObject();
        spoil(body["contact"]!.AsObject());
        var errors = HighLevelSchema.Errors("CreateContactResponse", Parse(body.ToJsonString()));
        errors.Should().Contain(e => e.StartsWith(where), $"the schema must refuse {body.ToJsonString()}");
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Sends a body HighLevel's request schema allows (checked first) and returns the answer, asserting its status.</summary>
    private static async Task<JsonElement> SendAsync(TestAccount account, HttpMethod method, string url, string? requestDef, string? body, int status)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            HighLevelSchema.Errors(requestDef!, Parse(body)).Should().BeEmpty($"the test must send a valid {requestDef}: {body}");
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var response = await account.Client.SendAsync(request);
        await Http.EnsureAsync(response, status);
        return await Http.JsonAsync(response);
    }
}
