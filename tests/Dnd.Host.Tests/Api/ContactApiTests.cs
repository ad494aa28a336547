using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dnd.Host.Limits;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

public class ContactApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task Create_read_update_delete_with_highlevel_dnd_shapes()
    {
        var account = await TestAccount.CreateAsync(_app);

        var created = await account.CreateContactAsync(new
        {
            locationId = account.Id, firstName = "Ann", email = "Ann@Example.com", phone = "(555) 010-2000",
            dndSettings = new { SMS = new { status = "active", message = "asked by phone" } },
        });
        var id = created.GetProperty("id").GetString()!;
        created.GetProperty("email").GetString().Should().Be("ann@example.com");
        created.GetProperty("phone").GetString().Should().Be("+15550102000");
        created.GetProperty("dndAggregate").GetString().Should().Be("partial");
        created.GetProperty("dndSettings").GetProperty("SMS").GetProperty("message").GetString().Should().Be("asked by phone");

        var update = await account.Client.PutAsJsonAsync($"/contacts/{id}", new { lastName = "Lee", dnd = true, inboundDndSettings = new { all = new { status = "active", message = "spam calls" } } });
        await Http.EnsureAsync(update, 200);
        var updated = (await Http.JsonAsync(update)).GetProperty("contact");
        updated.GetProperty("lastName").GetString().Should().Be("Lee");
        updated.GetProperty("firstName").GetString().Should().Be("Ann", "absent fields are left alone");
        updated.GetProperty("dnd").GetBoolean().Should().BeTrue();
        updated.GetProperty("inboundDndSettings").GetProperty("all").GetProperty("status").GetString().Should().Be("active");

        var off = await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dndSettings = new { Email = new { status = "inactive" } } });
        await Http.EnsureAsync(off, 200);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        (await account.GetContactAsync(id)).GetProperty("dndAggregate").GetString().Should().Be("partial");

        await Http.EnsureAsync(await account.Client.DeleteAsync($"/contacts/{id}"), 200);
        await Http.ProblemAsync(await account.Client.GetAsync($"/contacts/{id}"), 404);
        (await account.LedgerAsync(id)).GetArrayLength().Should().BeGreaterThan(0, "the consent ledger outlives the contact");
    }

    [Fact]
    public async Task Users_cannot_lift_permanent_dnd_without_proof_and_are_told_what_is_needed()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550100001", firstName = "Ada" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550100001", "STOP");
        var ledger = (await account.LedgerAsync(id)).GetArrayLength();

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = false, firstName = "Bea" }), 422);

        problem.GetProperty("errors")[0].GetString().Should().Contain("SMS DND is permanent (keyword_opt_out")
            .And.Contain("dndSettings.SMS.consentProof").And.Contain("written, web_form, verbal_recording, other");
        var contact = await account.GetContactAsync(id);
        contact.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
        contact.GetProperty("firstName").GetString().Should().Be("Ada", "a refused request changes nothing, its other fields neither");
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(ledger);
    }

    [Fact]
    public async Task A_user_lifts_permanent_sms_dnd_with_proof_of_consent_which_the_ledger_shows_with_who_acted()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550100002" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550100002", "STOP");

        var lifted = await SendAsync(account, HttpMethod.Put, $"/contacts/{id}", """
            { "dndSettings": { "SMS": { "status": "inactive", "message": "re-subscribed on paper",
              "consentProof": { "method": "written", "givenAt": "2026-11-20T09:00:00Z", "evidence": "signed form #1182, scanned to DMS-77" } } } }
            """, 200);

        lifted.GetProperty("contact").GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("inactive");
        var line = (await account.LedgerAsync(id)).EnumerateArray().Last();
        line.GetProperty("policyRule").GetString().Should().Be("UserLiftsPermanentWithProof");
        var proof = line.GetProperty("proof");
        proof.GetProperty("method").GetString().Should().Be("written");
        proof.GetProperty("givenAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        proof.GetProperty("evidence").GetString().Should().Be("signed form #1182, scanned to DMS-77");
        proof.GetProperty("recordedBy").GetString().Should().Be(TestAccount.KeyName);
        line.GetProperty("actedBy").GetString().Should().StartWith($"api key '{TestAccount.KeyName}' (key_");
        // The in-process test server has no remote address; over Kestrel it is the caller's (see the webhook tests).
        line.TryGetProperty("clientIp", out _).Should().BeTrue();

        // Exportable: as JSON, and as CSV for a spreadsheet, for a period.
        var exported = await Http.JsonAsync(await account.Client.GetAsync("/consent/proofs?from=2026-01-01T00:00:00Z"));
        var row = exported.GetProperty("proofs").EnumerateArray().Should().ContainSingle().Subject;
        row.GetProperty("contactId").GetString().Should().Be(id);
        row.GetProperty("channel").GetString().Should().Be("SMS");
        row.GetProperty("method").GetString().Should().Be("written");
        row.GetProperty("evidence").GetString().Should().Be("signed form #1182, scanned to DMS-77");
        var csv = await account.Client.GetAsync("/consent/proofs?format=csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var csvLines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csvLines.Should().HaveCount(2);
        csvLines[0].Should().StartWith("ContactId,Channel,Sequence,At,Verdict,PolicyRule,Method,GivenAt,Evidence,RecordedBy");
        csvLines[1].Should().Contain(id).And.Contain("\"signed form #1182, scanned to DMS-77\"").And.Contain("UserLiftsPermanentWithProof");
        (await Http.JsonAsync(await account.Client.GetAsync("/consent/proofs?to=2026-01-01T00:00:00Z"))).GetProperty("proofs").GetArrayLength().Should().Be(0);
        await Http.ProblemAsync(await account.Client.GetAsync("/consent/proofs?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 422);
        await Http.ProblemAsync(await account.Client.GetAsync("/consent/proofs?format=xml"), 422);
    }

    [Theory]
    [InlineData("""{ "method": "fax", "givenAt": "2026-11-20T09:00:00Z", "evidence": "x" }""", "consentProof.method")]
    [InlineData("""{ "method": "written", "evidence": "x" }""", "consentProof.givenAt")]
    [InlineData("""{ "method": "written", "givenAt": "2999-01-01T00:00:00Z", "evidence": "x" }""", "consentProof.givenAt")]
    [InlineData("""{ "method": "written", "givenAt": "2026-11-20T09:00:00Z", "evidence": " " }""", "consentProof.evidence")]
    public async Task A_proof_without_what_it_needs_is_refused_and_changes_nothing(string proof, string field)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550100003" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550100003", "STOP");

        var response = await account.Client.PutAsync($"/contacts/{id}", new StringContent(
            $$"""{ "dndSettings": { "SMS": { "status": "inactive", "consentProof": {{proof}} } } }""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await Http.ProblemAsync(response, 422);
        string.Join(" ", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString())).Should().Contain(field);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
    }

    [Fact]
    public async Task An_email_unsubscribe_is_lifted_by_a_user_who_says_why()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "unsub@example.com" })).GetProperty("id").GetString()!;
        await Mailgun.PostAsync(_app, account, "unsub@example.com", "unsubscribed");

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync($"/contacts/{id}",
            new { dndSettings = new { Email = new { status = "inactive" } } }), 422);
        problem.GetProperty("errors")[0].GetString().Should().ContainEquivalentOf("dndSettings.Email.message");
        (await account.DndStatusAsync(id, "Email")).Should().Be("active");

        await SendAsync(account, HttpMethod.Put, $"/contacts/{id}",
            """{ "dndSettings": { "Email": { "status": "inactive", "message": "asked at the front desk to get the newsletter again" } } }""", 200);

        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        (await account.LedgerAsync(id)).EnumerateArray().Last().GetProperty("event").GetString().Should().Contain("user.dnd disable Email");
    }

    [Fact]
    public async Task An_email_unsubscribe_is_lifted_by_a_user_who_records_the_contacts_consent()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "unsub-proof@example.com" })).GetProperty("id").GetString()!;
        await Mailgun.PostAsync(_app, account, "unsub-proof@example.com", "unsubscribed");

        await SendAsync(account, HttpMethod.Put, $"/contacts/{id}",
            """{ "dndSettings": { "Email": { "status": "inactive", "consentProof": { "method": "web_form", "givenAt": "2026-11-20T10:00:00Z", "evidence": "preference form #88" } } } }""", 200);

        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");
        (await account.LedgerAsync(id)).EnumerateArray().Last().GetProperty("proof").GetProperty("evidence").GetString().Should().Be("preference form #88");
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "bo@example.com" })).GetProperty("id").GetString()!;

        var pigeon = await Http.ProblemAsync(await account.Client.PutAsJsonAsync($"/contacts/{id}",
            new { firstName = "Changed", dndSettings = new { SMS = new { status = "permanent" }, Pigeon = new { status = "active" } } }), 422);
        var badEmail = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/", new { email = "not-an-email" }), 422);
        var badJson = await account.Client.PostAsync("/contacts/", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));

        pigeon.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should()
            .ContainSingle("a permanent SMS is fine; the unknown channel is not").Which.Should().StartWith("dndSettings.pigeon");
        badEmail.GetProperty("errors")[0].GetString().Should().StartWith("email").And.Contain("not-an-email");
        await Http.ProblemAsync(badJson, 400);
        var contact = await account.GetContactAsync(id);
        contact.TryGetProperty("firstName", out _).Should().BeFalse("a rejected request loses nothing and changes nothing");
        contact.GetProperty("dndAggregate").GetString().Should().Be("off");
    }

    [Fact]
    public async Task Api_keys_isolate_tenants()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);
        var id = (await alice.CreateContactAsync(new { email = "private@example.com" })).GetProperty("id").GetString()!;

        await Http.ProblemAsync(await bob.Client.GetAsync($"/contacts/{id}"), 404);
        await Http.ProblemAsync(await bob.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = true }), 404);
        await Http.ProblemAsync(await bob.Client.PostAsJsonAsync("/contacts/", new { locationId = alice.Id, email = "x@example.com" }), 403);
        var search = await Http.JsonAsync(await bob.Client.PostAsJsonAsync("/contacts/search", new { query = "private" }));
        search.GetProperty("total").GetInt32().Should().Be(0);
        await Http.ProblemAsync(await _app.CreateClient().GetAsync($"/contacts/{id}"), 401);
        var forged = _app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "dnd_forged");
        await Http.ProblemAsync(await forged.GetAsync($"/contacts/{id}"), 401);
        (await alice.DndStatusAsync(id, "Email")).Should().Be("inactive");
    }

    [Fact]
    public async Task Upsert_matches_by_email_then_phone()
    {
        var account = await TestAccount.CreateAsync(_app);

        var first = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { email = "cy@example.com", firstName = "Cy" }));
        var second = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { email = "CY@example.com", phone = "555-010-3000" }));
        var byPhone = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { phone = "+15550103000", lastName = "Young" }));

        first.GetProperty("new").GetBoolean().Should().BeTrue();
        second.GetProperty("new").GetBoolean().Should().BeFalse();
        byPhone.GetProperty("new").GetBoolean().Should().BeFalse();
        byPhone.GetProperty("contact").GetProperty("id").GetString().Should().Be(first.GetProperty("contact").GetProperty("id").GetString());
        byPhone.GetProperty("contact").GetProperty("firstName").GetString().Should().Be("Cy");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/contacts/upsert", new { firstName = "Nobody" }), 422);
    }

    [Fact]
    public async Task Tags_are_added_and_removed()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "t@example.com", tags = new[] { "lead" } })).GetProperty("id").GetString()!;

        await account.Client.PostAsJsonAsync($"/contacts/{id}/tags", new { tags = new[] { "vip", "LEAD" } });
        var removal = new HttpRequestMessage(HttpMethod.Delete, $"/contacts/{id}/tags") { Content = JsonContent.Create(new { tags = new[] { "lead" } }) };
        await account.Client.SendAsync(removal);

        (await account.GetContactAsync(id)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("vip");
    }

    [Fact]
    public async Task A_user_records_permanent_dnd_that_only_the_contacts_own_opt_in_lifts()
    {
        var account = await TestAccount.CreateAsync(_app);
        var created = await SendAsync(account, HttpMethod.Post, "/contacts/",
            """{ "phone": "+15551700001", "email": "perm@example.com", "dndSettings": { "SMS": { "status": "Permanent", "message": "asked by letter" }, "Email": { "status": "permanent" } } }""", 201);
        var id = created.GetProperty("contact").GetProperty("id").GetString()!;
        created.GetProperty("contact").GetProperty("dndSettings").GetProperty("SMS").GetProperty("code").GetString().Should().Be("user_permanent");
        created.GetProperty("dndDecisions").EnumerateArray().Should().Contain(d => d.GetProperty("channel").GetString() == "SMS"
            && d.GetProperty("rule").GetString() == "UserRecordsPermanentDnd" && d.GetProperty("verdict").GetString() == "Applied");

        var lift = await account.Client.PutAsync($"/contacts/{id}", new StringContent(
            """{ "dndSettings": { "SMS": { "status": "inactive" }, "Email": { "status": "inactive" } } }""", System.Text.Encoding.UTF8, "application/json"));

        var refused = await Http.ProblemAsync(lift, 422);
        refused.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().HaveCount(2)
            .And.OnlyContain(e => e!.Contains("(user_permanent: the contact's own opt-out)") && e.Contains(".consentProof"));
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        var ledger = (await account.LedgerAsync(id)).EnumerateArray().ToList();
        ledger.Should().Contain(e => e.GetProperty("event").GetString() == $"user.dnd permanent SMS by {TestAccount.KeyName}" && e.GetProperty("after").GetString() == "Permanent"
                                     && e.GetProperty("explanation").GetString()!.Contains("A user recorded the contact's permanent opt-out"));
        ledger.Should().NotContain(e => e.GetProperty("verdict").GetString() == "Denied", "the refused request changed nothing, its ledger lines neither");

        await Twilio.InboundAsync(_app, account, "+15551700001", "START");

        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive", "the contact's own opt-in lifts what a user recorded for them");
        (await account.DndStatusAsync(id, "Email")).Should().Be("permanent", "an SMS opt-in says nothing about email");
    }

    [Theory]
    [InlineData("""{ "tags": {} }""", 400, null)]
    [InlineData("""{ "tags": "vip" }""", 400, null)]
    [InlineData("""{ "dndSettings": [] }""", 400, null)]
    [InlineData("""{ "customFields": "x" }""", 400, null)]
    [InlineData("""{ "dnd": "yes" }""", 400, null)]
    [InlineData("""{ "dndSettings": { "SMS": { "status": "active", "message": 5 } } }""", 400, null)]
    [InlineData("""{ "tags": null }""", 422, "tags")]
    [InlineData("""{ "tags": ["ok", null] }""", 422, "tags")]
    [InlineData("""{ "dnd": null }""", 422, "dnd")]
    [InlineData("""{ "dndSettings": null }""", 422, "dndSettings")]
    [InlineData("""{ "dndSettings": { "SMS": null } }""", 422, "dndSettings.SMS")]
    [InlineData("""{ "dndSettings": { "SMS": { "message": "no status" } } }""", 422, "dndSettings.SMS.status")]
    [InlineData("""{ "dndSettings": { "SMS": { "status": "99" } } }""", 422, "dndSettings.SMS.status")]
    [InlineData("""{ "dndSettings": { "SMS": { "status": "1" } } }""", 422, "dndSettings.SMS.status")]
    [InlineData("""{ "inboundDndSettings": null }""", 422, "inboundDndSettings")]
    [InlineData("""{ "inboundDndSettings": { "all": null } }""", 422, "inboundDndSettings.all")]
    [InlineData("""{ "inboundDndSettings": { "all": { "status": "permanent" } } }""", 422, "inboundDndSettings.all.status")]
    [InlineData("""{ "customFields": null }""", 422, "customFields")]
    [InlineData("""{ "customFields": [null] }""", 422, "customFields[0]")]
    [InlineData("""{ "customFields": [{ "key": "colour", "field_value": "blue" }] }""", 422, "customFields[0].id")]
    [InlineData("""{ "customFields": [{ "id": "a", "field_value": true }] }""", 422, "customFields[0].field_value")]
    [InlineData("""{ "customFields": [{ "id": "a", "field_value": [1, 2] }] }""", 422, "customFields[0].field_value")]
    [InlineData("""{ "customFields": [{ "id": "a", "field_value": "x", "value": "y" }] }""", 422, "customFields[0].field_value")]
    [InlineData("""{ "customFields": [{ "id": "a", "field_value": "x" }, { "id": "a", "field_value": "y" }] }""", 422, "customFields[1].id")]
    public async Task Known_fields_of_the_wrong_type_are_refused_and_change_nothing(string body, int status, string? field)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "typed@example.com", tags = new[] { "keep" } })).GetProperty("id").GetString()!;
        var before = await account.GetContactAsync(id);
        var ledger = (await account.LedgerAsync(id)).GetArrayLength();

        foreach (var (method, url) in new[] { (HttpMethod.Put, $"/contacts/{id}"), (HttpMethod.Post, "/contacts/upsert") })
        {
            var json = method == HttpMethod.Put ? body : body.Insert(1, "\"email\": \"typed@example.com\", ");
            var problem = await Http.ProblemAsync(await RawAsync(account, method, url, json), status);
            if (field is not null)
            {
                problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Contain(field);
                problem.GetProperty("errors").EnumerateArray().Should().Contain(e => e.GetString()!.StartsWith(field));
            }
        }

        (await account.GetContactAsync(id)).GetRawText().Should().Be(before.GetRawText());
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(ledger);
    }

    public static TheoryData<string, string> TooLong => new()
    {
        { "firstName", $$"""{ "firstName": "{{new string('a', ApiLimits.NameLength + 1)}}" }""" },
        { "lastName", $$"""{ "lastName": "{{new string('a', ApiLimits.NameLength + 1)}}" }""" },
        { "name", $$"""{ "name": "{{new string('a', ApiLimits.NameLength + 1)}}" }""" },
        { "companyName", $$"""{ "companyName": "{{new string('a', ApiLimits.NameLength + 1)}}" }""" },
        { "email", $$"""{ "email": "{{new string('a', ApiLimits.EmailLength)}}@example.com" }""" },
        { "phone", $$"""{ "phone": "+1555{{new string('1', ApiLimits.PhoneLength)}}" }""" },
        { "source", $$"""{ "source": "{{new string('a', ApiLimits.TextLength + 1)}}" }""" },
        { "tags[1]", $$"""{ "tags": ["ok", "{{new string('t', ApiLimits.TagLength + 1)}}"] }""" },
        { "tags", $$"""{ "tags": [{{string.Join(", ", Enumerable.Range(0, ApiLimits.TagsPerContact + 1).Select(i => $"\"t{i}\""))}}] }""" },
        { "customFields", $$"""{ "customFields": [{{string.Join(", ", Enumerable.Range(0, ApiLimits.CustomFieldsPerContact + 1).Select(i => $$"""{ "id": "f{{i}}", "field_value": "v" }"""))}}] }""" },
        { "customFields[0].id", $$"""{ "customFields": [{ "id": "{{new string('i', ApiLimits.TextLength + 1)}}", "field_value": "v" }] }""" },
        { "customFields[0].key", $$"""{ "customFields": [{ "id": "i", "key": "{{new string('k', ApiLimits.TextLength + 1)}}", "field_value": "v" }] }""" },
        { "customFields[0].field_value", $$"""{ "customFields": [{ "id": "i", "field_value": "{{new string('v', ApiLimits.TextLength)}}" }] }""" },
        { "dndSettings.SMS.message", $$"""{ "dndSettings": { "SMS": { "status": "active", "message": "{{new string('m', ApiLimits.TextLength + 1)}}" } } }""" },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task Fields_past_their_limits_are_refused_naming_the_field(string field, string body)
    {
        var account = await TestAccount.CreateAsync(_app);

        var problem = await Http.ProblemAsync(await RawAsync(account, HttpMethod.Post, "/contacts/", body), 422);

        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal(field);
        problem.GetProperty("errors")[0].GetString().Should().StartWith(field);
        (await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search", new { }))).GetProperty("total").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Values_at_their_limits_are_accepted()
    {
        var account = await TestAccount.CreateAsync(_app);
        var tags = Enumerable.Range(0, ApiLimits.TagsPerContact).Select(i => $"{i}{new string('t', ApiLimits.TagLength - 3)}").ToArray();

        var contact = await account.CreateContactAsync(new
        {
            firstName = new string('a', ApiLimits.NameLength), email = new string('e', 64) + "@example.com", tags,
            customFields = new[] { new { id = "i", field_value = new string('v', ApiLimits.TextLength - 2) } },
        });

        contact.GetProperty("tags").GetArrayLength().Should().Be(ApiLimits.TagsPerContact);
        var id = contact.GetProperty("id").GetString()!;
        var more = await account.Client.PostAsJsonAsync($"/contacts/{id}/tags", new { tags = new[] { "one-too-many" } });
        (await Http.ProblemAsync(more, 422)).GetProperty("errors")[0].GetString().Should().StartWith("tags");
        (await account.GetContactAsync(id)).GetProperty("tags").GetArrayLength().Should().Be(ApiLimits.TagsPerContact, "a refused tag edit changes nothing");
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_as_highlevel_ignores_them()
    {
        var account = await TestAccount.CreateAsync(_app);

        var created = await SendAsync(account, HttpMethod.Post, "/contacts/",
            """{ "email": "extra@example.com", "address1": "1 Main St", "dateOfBirth": "1990-09-25", "favourite": { "colour": "blue" }, "dnd": false }""", 201);

        created.GetProperty("contact").GetProperty("email").GetString().Should().Be("extra@example.com");
        created.GetProperty("contact").TryGetProperty("favourite", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Custom_fields_are_kept_and_an_update_replaces_only_the_ids_it_names()
    {
        var account = await TestAccount.CreateAsync(_app);
        var created = await account.CreateContactAsync(new
        {
            email = "cf@example.com",
            customFields = new object[] { new { id = "colour", key = "favourite_colour", field_value = "blue" }, new { id = "size", field_value = 42 }, new { id = "pets", field_value = new[] { "cat" } } },
        });
        var id = created.GetProperty("id").GetString()!;

        var updated = await SendAsync(account, HttpMethod.Put, $"/contacts/{id}",
            """{ "customFields": [{ "id": "size", "value": 43 }, { "id": "pets", "field_value": null }, { "id": "file", "field_value": { "doc": { "url": "https://example.com/a.pdf" } } }] }""", 200);
        var again = await SendAsync(account, HttpMethod.Put, $"/contacts/{id}", """{ "firstName": "Cf" }""", 200);

        Fields(created).Should().Equal(("colour", "\"blue\""), ("size", "42"), ("pets", "[\"cat\"]"));
        Fields(updated.GetProperty("contact")).Should().Equal(("colour", "\"blue\""), ("size", "43"), ("file", """{"doc":{"url":"https://example.com/a.pdf"}}"""));
        Fields(again.GetProperty("contact")).Should().Equal(Fields(updated.GetProperty("contact")), "a write without customFields keeps them");

        static IEnumerable<(string?, string)> Fields(JsonElement contact) =>
            contact.GetProperty("customFields").EnumerateArray().Select(f => (f.GetProperty("id").GetString(), f.GetProperty("value").GetRawText())).ToList();
    }

    [Fact]
    public async Task A_contact_never_holds_more_custom_fields_than_the_limit()
    {
        var account = await TestAccount.CreateAsync(_app);
        var full = Enumerable.Range(0, ApiLimits.CustomFieldsPerContact).Select(i => new { id = $"f{i}", field_value = "v" }).ToArray();
        var id = (await account.CreateContactAsync(new { email = "full@example.com", customFields = full })).GetProperty("id").GetString()!;

        var more = await account.Client.PutAsJsonAsync($"/contacts/{id}", new { firstName = "More", customFields = new[] { new { id = "one-more", field_value = "v" } } });
        var replace = await account.Client.PutAsJsonAsync($"/contacts/{id}", new { customFields = new[] { new { id = "f0", field_value = "w" } } });

        (await Http.ProblemAsync(more, 422)).GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("customFields");
        await Http.EnsureAsync(replace, 200);
        var contact = await account.GetContactAsync(id);
        contact.GetProperty("customFields").GetArrayLength().Should().Be(ApiLimits.CustomFieldsPerContact);
        contact.GetProperty("customFields")[0].GetProperty("value").GetString().Should().Be("w");
        contact.TryGetProperty("firstName", out _).Should().BeFalse("the refused update changed nothing");
    }

    [Fact]
    public async Task A_foreign_location_id_is_forbidden_in_every_contacts_body()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);
        var id = (await bob.CreateContactAsync(new { email = "own@example.com" })).GetProperty("id").GetString()!;
        var foreign = new { locationId = alice.Id, email = "own@example.com", firstName = "Changed", dnd = true };

        await Http.ProblemAsync(await bob.Client.PostAsJsonAsync("/contacts/", foreign), 403);
        await Http.ProblemAsync(await bob.Client.PutAsJsonAsync($"/contacts/{id}", foreign), 403);
        await Http.ProblemAsync(await bob.Client.PostAsJsonAsync("/contacts/upsert", foreign), 403);
        await Http.ProblemAsync(await bob.Client.PostAsJsonAsync("/contacts/search", new { locationId = alice.Id }), 403);

        var contact = await bob.GetContactAsync(id);
        contact.TryGetProperty("firstName", out _).Should().BeFalse();
        contact.GetProperty("dnd").GetBoolean().Should().BeFalse();
        await Http.EnsureAsync(await bob.Client.PutAsJsonAsync($"/contacts/{id}", new { locationId = bob.Id, firstName = "Own" }), 200);
    }

    [Fact]
    public async Task Unknown_and_foreign_contact_ids_are_not_found_on_every_contacts_route()
    {
        var alice = await TestAccount.CreateAsync(_app);
        var bob = await TestAccount.CreateAsync(_app);
        var hers = (await alice.CreateContactAsync(new { email = "hers@example.com", tags = new[] { "mine" } })).GetProperty("id").GetString()!;

        foreach (var id in new[] { hers, "no-such-contact" })
        {
            await Http.ProblemAsync(await bob.Client.GetAsync($"/contacts/{id}"), 404);
            await Http.ProblemAsync(await bob.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = true }), 404);
            await Http.ProblemAsync(await bob.Client.DeleteAsync($"/contacts/{id}"), 404);
            await Http.ProblemAsync(await bob.Client.PostAsJsonAsync($"/contacts/{id}/tags", new { tags = new[] { "x" } }), 404);
            await Http.ProblemAsync(await RawAsync(bob, HttpMethod.Delete, $"/contacts/{id}/tags", """{ "tags": ["mine"] }"""), 404);
            await Http.ProblemAsync(await bob.Client.GetAsync($"/contacts/{id}/dnd/ledger"), 404);
        }

        var contact = await alice.GetContactAsync(hers);
        contact.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("mine");
        contact.GetProperty("dnd").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData("""{ }""")]
    [InlineData("""{ "tags": null }""")]
    [InlineData("""{ "tags": [null] }""")]
    [InlineData("""{ "tags": [" "] }""")]
    public async Task Tag_edits_need_a_list_of_tags(string body)
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "tags@example.com", tags = new[] { "keep" } })).GetProperty("id").GetString()!;

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Delete })
        {
            var problem = await Http.ProblemAsync(await RawAsync(account, method, $"/contacts/{id}/tags", body), 422);
            problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("tags");
        }
        await Http.ProblemAsync(await RawAsync(account, HttpMethod.Post, $"/contacts/{id}/tags", """{ "tags": {} }"""), 400);
        (await account.GetContactAsync(id)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("keep");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_contacts_response()
    {
        var document = await Http.JsonAsync(await _app.CreateClient().GetAsync("/openapi/v1.json"));
        var expected = new Dictionary<string, string[]>
        {
            ["post /contacts"] = ["201", "400", "401", "403", "409", "413", "422"],
            ["get /contacts/{contactId}"] = ["200", "401", "404"],
            ["put /contacts/{contactId}"] = ["200", "400", "401", "403", "404", "409", "413", "422"],
            ["delete /contacts/{contactId}"] = ["200", "401", "404", "409"],
            ["post /contacts/upsert"] = ["200", "400", "401", "403", "409", "413", "422"],
            ["post /contacts/search"] = ["200", "400", "401", "403", "413", "422"],
            ["post /contacts/{contactId}/tags"] = ["200", "400", "401", "404", "409", "413", "422"],
            ["delete /contacts/{contactId}/tags"] = ["200", "400", "401", "404", "409", "413", "422"],
            ["get /contacts/{contactId}/dnd/ledger"] = ["200", "401", "404"],
            ["get /consent/addresses/{address}"] = ["200", "401", "404", "422"],
        };

        foreach (var (operation, statuses) in expected)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1]);
            var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
            responses.EnumerateObject().Select(r => r.Name).Should().Contain(statuses, operation);
            foreach (var response in responses.EnumerateObject())
            {
                var content = response.Value.GetProperty("content");
                var media = response.Name.StartsWith('2') ? "application/json" : "application/problem+json";
                content.GetProperty(media).GetProperty("schema").GetProperty("$ref").GetString().Should()
                    .StartWith("#/components/schemas/", $"{operation} {response.Name} needs a named schema");
            }
        }
    }

    private static Task<HttpResponseMessage> RawAsync(TestAccount account, HttpMethod method, string url, string json) =>
        account.Client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private static async Task<JsonElement> SendAsync(TestAccount account, HttpMethod method, string url, string json, int status)
    {
        var response = await RawAsync(account, method, url, json);
        await Http.EnsureAsync(response, status);
        return await Http.JsonAsync(response);
    }
}
