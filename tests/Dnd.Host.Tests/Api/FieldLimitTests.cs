using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dnd.Host.Limits;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>A field past its limit, or an enum given as anything but its documented name, is a 422 naming the field; nothing is written.</summary>
public class FieldLimitTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response) =>
        (await Http.ProblemAsync(response, 422)).GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();

    private static async Task<int> MessageCountAsync(TestAccount account, string contactId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}"))).GetProperty("messages").GetArrayLength();

    public static TheoryData<string, string> Oversized => new()
    {
        { "SMS", "message" }, { "WhatsApp", "message" }, { "FB", "message" }, { "GMB", "message" }, { "Call", "message" },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task A_text_message_over_1600_characters_is_refused_naming_message(string type, string field)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15552300001" })).GetProperty("id").GetString()!;
        // "é" is two UTF-8 bytes but one character: the limit counts characters, as Twilio's segments do.
        var atLimit = new string('é', ApiLimits.SmsCharacters);

        (await FieldsAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type, contactId = id, message = new string('a', ApiLimits.SmsCharacters + 1) }))).Should().Equal(field);
        (await MessageCountAsync(account, id)).Should().Be(0);
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type, contactId = id, message = atLimit }), 200);
    }

    [Fact]
    public async Task Email_bodies_are_limited_in_utf8_bytes_and_subjects_in_characters()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "limits@example.com" })).GetProperty("id").GetString()!;
        // Under the limit in characters, over it in bytes; sent as raw UTF-8 so the JSON stays under the body limit.
        var html = new string('é', ApiLimits.EmailBodyBytes / 2 + 1);
        var utf8 = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        (await FieldsAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "Email", contactId = id, html }, utf8)))
            .Should().Equal("html");
        (await FieldsAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId = id, message = html }, utf8))).Should().Equal("message");
        (await FieldsAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId = id, html = "<p>x</p>", subject = new string('s', ApiLimits.SubjectLength + 1) }))).Should().Equal("subject");

        (await MessageCountAsync(account, id)).Should().Be(0);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Fax")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Type_must_be_a_documented_channel_and_contact_id_is_required(string? type)
    {
        var account = await TestAccount.CreateAsync(_app);

        var fields = await FieldsAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type, message = "x" }));

        fields.Should().BeEquivalentTo("type", "contactId");
    }

    [Fact]
    public async Task Smart_list_fields_are_limited()
    {
        var account = await TestAccount.CreateAsync(_app);

        var fields = await FieldsAsync(await account.Client.PostAsJsonAsync("/smart-lists/", new
        {
            name = new string('n', ApiLimits.NameLength + 1), tag = new string('t', ApiLimits.TagLength + 1),
            query = new string('q', ApiLimits.TextLength + 1), excludeDndChannel = "0",
        }));

        fields.Should().BeEquivalentTo("name", "tag", "query", "excludeDndChannel");
        (await Http.JsonAsync(await account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Form_fields_are_limited()
    {
        var account = await TestAccount.CreateAsync(_app);

        var fields = await FieldsAsync(await account.Client.PostAsJsonAsync($"/forms/{new string('f', ApiLimits.NameLength + 1)}/submissions", new
        {
            email = new string('e', ApiLimits.EmailLength) + "@example.com", phone = new string('5', ApiLimits.PhoneLength + 1),
            firstName = new string('a', ApiLimits.NameLength + 1), lastName = new string('b', ApiLimits.NameLength + 1), consent = true,
        }));

        fields.Should().BeEquivalentTo("formId", "email", "phone", "firstName", "lastName");
        (await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { }))).GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("EmailOnly,AllChannels")]
    [InlineData("Everything")]
    public async Task Unsubscribe_scope_is_only_its_names(string scope)
    {
        var account = await TestAccount.CreateAsync(_app);
        var before = await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync();

        (await FieldsAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { unsubscribeScope = scope }))).Should().Equal("unsubscribeScope");

        (await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync()).Should().Be(before);
        var lower = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { unsubscribeScope = "allchannels" }));
        lower.GetProperty("unsubscribeScope").GetString().Should().Be("AllChannels");
    }

    [Fact]
    public async Task Account_settings_are_limited()
    {
        var account = await TestAccount.CreateAsync(_app);
        var before = await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync();
        var floor = new[] { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };

        async Task<IReadOnlyList<string>> Put(object body) => await FieldsAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", body));

        (await Put(new { optOutKeywords = floor.Append(new string('K', ApiLimits.KeywordLength + 1)) })).Should().Equal("optOutKeywords");
        (await Put(new { optInKeywords = Enumerable.Range(0, ApiLimits.KeywordsPerList + 1).Select(i => $"YES{i}") })).Should().Equal("optInKeywords");
        (await Put(new { optInKeywords = new string?[] { "YES", null } })).Should().Equal("optInKeywords");
        (await Put(new { keywordChannels = new[] { "SMS", "0" } })).Should().Equal("keywordChannels");
        (await Put(new { defaultRegion = new string('U', ApiLimits.TextLength) })).Should().Equal("defaultRegion");
        (await Put(new { sendCapPerHour = ApiLimits.MaxSendCapPerHour + 1 })).Should().Equal("sendCapPerHour");
        (await Put(new { sendCapPerHour = 0 })).Should().Equal("sendCapPerHour");

        (await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync()).Should().Be(before);
        var fits = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new
        {
            optOutKeywords = floor.Append(new string('K', ApiLimits.KeywordLength)), sendCapPerHour = ApiLimits.MaxSendCapPerHour,
        }));
        fits.GetProperty("sendCapPerHour").GetInt32().Should().Be(ApiLimits.MaxSendCapPerHour);
    }

    [Fact]
    public async Task Admin_account_fields_are_limited()
    {
        var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", DndApp.AdminKey);
        var id = string.Concat(Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString("N")))[..(ApiLimits.AccountIdLength + 1)];

        var fields = await FieldsAsync(await admin.PostAsJsonAsync("/admin/accounts", new
        {
            id, name = new string('n', ApiLimits.NameLength + 1), twilioAuthToken = new string('t', ApiLimits.TextLength + 1),
            mailgunSigningKey = new string('m', ApiLimits.TextLength + 1),
        }));

        fields.Should().BeEquivalentTo("id", "name", "twilioAuthToken", "mailgunSigningKey");
        (await FieldsAsync(await admin.PostAsJsonAsync("/admin/accounts", new { id = "has space", name = "x" }))).Should().Equal("id");
        await Http.ProblemAsync(await admin.PostAsync($"/admin/accounts/{id[..^1]}/api-keys", null), 404);
        var fits = await admin.PostAsJsonAsync("/admin/accounts", new { id = id[..^1], name = new string('n', ApiLimits.NameLength) });
        await Http.EnsureAsync(fits, 201);
        (await Http.JsonAsync(fits)).GetProperty("accountId").GetString().Should().Be(id[..^1]);
    }
}
