using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.Data.Sqlite;

namespace Dnd.Host.Tests.Integrations;

/// <summary>Connect checks the credentials with the provider first; a refusal is a 422 naming the field, and nothing is saved or shown.</summary>
public sealed class IntegrationConnectTests(ProviderFakes fakes) : IClassFixture<ProviderFakes>
{
    private async Task<(TestAccount Account, string Sid, string Token, string Service)> TwilioAccountAsync()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var (sid, token, service) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"), TwilioFake.NewServiceSid());
        fakes.Twilio.Account(sid, token, services: [service], numbers: ["+15550001111"]);
        return (account, sid, token, service);
    }

    [Fact]
    public async Task Twilio_connects_with_good_credentials_and_never_returns_the_token()
    {
        var (account, sid, token, service) = await TwilioAccountAsync();
        var put = await account.Client.PutAsJsonAsync("/locations/integrations/twilio", new { accountSid = sid, authToken = token, messagingServiceSid = service });
        await Http.EnsureAsync(put, 200);
        var raw = await put.Content.ReadAsStringAsync();
        raw.Should().NotContain(token);
        var twilio = (await Http.JsonAsync(put)).GetProperty("integration");
        twilio.GetProperty("status").GetString().Should().Be("connected");
        twilio.GetProperty("settings").GetProperty("accountSid").GetString().Should().Be(sid);
        twilio.GetProperty("secretsSet").GetProperty("authToken").GetBoolean().Should().BeTrue();
        twilio.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).Should().BeEquivalentTo("SMS", "WhatsApp", "Call");

        var list = await account.Client.GetAsync("/locations/integrations/");
        (await list.Content.ReadAsStringAsync()).Should().NotContain(token).And.NotContain(account.MailgunKey).And.NotContain(account.TwilioToken);
        var events = await Http.JsonAsync(await account.Client.GetAsync("/locations/integrations/events"));
        var connected = events.GetProperty("events").EnumerateArray().First();
        connected.GetProperty("action").GetString().Should().Be("connected");
        connected.GetProperty("actedBy").GetString().Should().Contain($"api key '{TestAccount.KeyName}'");
        connected.GetProperty("detail").GetString().Should().Contain($"accountSid (none) → {sid}").And.Contain("authToken changed").And.NotContain(token);
    }

    [Fact]
    public async Task A_wrong_token_is_a_422_naming_authToken_with_Twilios_answer_and_nothing_is_saved()
    {
        var (account, sid, _, service) = await TwilioAccountAsync();
        var before = await account.Client.GetStringAsync("/locations/integrations/events");
        var put = await account.Client.PutAsJsonAsync("/locations/integrations/twilio", new { accountSid = sid, authToken = "wrong", messagingServiceSid = service });
        var problem = await Http.ProblemAsync(put, 422);
        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("authToken");
        problem.GetProperty("errors")[0].GetString().Should().Contain("Authenticate").And.Contain("20003").And.Contain("401");
        (await put.Content.ReadAsStringAsync()).Should().NotContain("wrong\"");
        var twilio = (await Http.JsonAsync(await account.Client.GetAsync("/locations/integrations/"))).GetProperty("integrations")[0];
        twilio.GetProperty("connected").GetBoolean().Should().BeFalse();
        twilio.GetProperty("settings").GetProperty("accountSid").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await account.Client.GetStringAsync("/locations/integrations/events")).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_messaging_service_or_sender_number_is_named()
    {
        var (account, sid, token, _) = await TwilioAccountAsync();
        var service = await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, messagingServiceSid = TwilioFake.NewServiceSid() });
        (await Http.ProblemAsync(service, 422)).GetProperty("fields")[0].GetString().Should().Be("messagingServiceSid");
        var number = await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, senderNumbers = new[] { "+15550002222" } });
        (await Http.ProblemAsync(number, 422)).GetProperty("errors")[0].GetString().Should().Contain("+15550002222");
        var good = await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, senderNumbers = new[] { "+15550001111" } });
        await Http.EnsureAsync(good, 200);
    }

    [Fact]
    public async Task Invalid_fields_are_named_before_the_provider_is_asked()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var asked = fakes.Twilio.Requests.Count;
        var put = await account.Client.PutAsJsonAsync("/locations/integrations/twilio", new { accountSid = "nope", domain = "mg.example.com" });
        var problem = await Http.ProblemAsync(put, 422);
        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Contain(["accountSid", "messagingServiceSid", "domain"]);
        fakes.Twilio.Requests.Count.Should().Be(asked);
        await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/integrations/fax", new { }), 404);
        await Http.ProblemAsync(await account.Client.DeleteAsync("/locations/integrations/smtp"), 404);
    }

    [Fact]
    public async Task Mailgun_checks_the_key_against_the_domain_and_reports_its_refusal()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var (domain, key) = ($"mg{Guid.NewGuid():N}.example.com", "key-" + Guid.NewGuid().ToString("N"));
        fakes.Mailgun.Domain(domain, key);
        var wrong = await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain, apiKey = "key-wrong", region = "eu" });
        var problem = await Http.ProblemAsync(wrong, 422);
        problem.GetProperty("fields")[0].GetString().Should().Be("apiKey");
        problem.GetProperty("errors")[0].GetString().Should().Contain("401").And.Contain("Forbidden");
        var other = await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain = "other.example.com", apiKey = key });
        (await Http.ProblemAsync(other, 422)).GetProperty("errors")[0].GetString().Should().Contain("Domain not found");
        var good = await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain, apiKey = key, region = "eu", webhookSigningKey = "sign-1" });
        await Http.EnsureAsync(good, 200);
        var mailgun = (await Http.JsonAsync(good)).GetProperty("integration");
        mailgun.GetProperty("settings").GetProperty("region").GetString().Should().Be("eu");
        (await good.Content.ReadAsStringAsync()).Should().NotContain(key).And.NotContain("sign-1");
    }

    [Fact]
    public async Task Only_one_email_provider_is_connected_at_a_time()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var smtp = await account.Client.PutAsJsonAsync("/locations/integrations/smtp",
            new { host = fakes.Smtp.Host, port = fakes.Smtp.Port, tlsMode = "none", userName = SmtpFake.User, password = SmtpFake.Password });
        await Http.EnsureAsync(smtp, 200);
        var (domain, key) = ($"mg{Guid.NewGuid():N}.example.com", "key-" + Guid.NewGuid().ToString("N"));
        fakes.Mailgun.Domain(domain, key);
        await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain, apiKey = key }), 409);
    }

    [Fact]
    public async Task Smtp_authenticates_and_a_wrong_password_is_named()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var wrong = await account.Client.PutAsJsonAsync("/locations/integrations/smtp",
            new { host = fakes.Smtp.Host, port = fakes.Smtp.Port, tlsMode = "none", userName = SmtpFake.User, password = "nope" });
        (await Http.ProblemAsync(wrong, 422)).GetProperty("fields")[0].GetString().Should().Be("password");
        var closed = await account.Client.PutAsJsonAsync("/locations/integrations/smtp",
            new { host = "127.0.0.1", port = 1, tlsMode = "none", userName = SmtpFake.User, password = SmtpFake.Password });
        (await Http.ProblemAsync(closed, 422)).GetProperty("fields")[0].GetString().Should().Be("host");
        var good = await account.Client.PutAsJsonAsync("/locations/integrations/smtp",
            new { host = fakes.Smtp.Host, port = fakes.Smtp.Port, tlsMode = "none", userName = SmtpFake.User, password = SmtpFake.Password });
        await Http.EnsureAsync(good, 200);
        (await good.Content.ReadAsStringAsync()).Should().NotContain(SmtpFake.Password);
    }

    [Fact]
    public async Task A_rate_limited_provider_is_a_422_that_says_when_to_retry()
    {
        using var twilio = new TwilioFake();
        await using var app = new DndApp(settings: twilio.Settings.ToDictionary());
        var account = await TestAccount.CreateAsync(app);
        var sid = TwilioFake.NewAccountSid();
        twilio.Account(sid, "tok", numbers: ["+15550001111"]);
        twilio.RateLimit(retryAfterSeconds: 7);
        var put = await account.Client.PutAsJsonAsync("/locations/integrations/twilio", new { accountSid = sid, authToken = "tok", senderNumbers = new[] { "+15550001111" } });
        (await Http.ProblemAsync(put, 422)).GetProperty("errors")[0].GetString().Should().Contain("429").And.Contain("retry after 7 s");
    }

    [Fact]
    public async Task Secrets_are_not_in_plaintext_in_the_database()
    {
        var (account, sid, token, service) = await TwilioAccountAsync();
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, messagingServiceSid = service }), 200);
        await using var db = new SqliteConnection($"Data Source={fakes.App.DatabasePath}");
        await db.OpenAsync();
        var rows = db.CreateCommand();
        rows.CommandText = "SELECT \"SettingsJson\", \"ProtectedSecrets\" FROM \"Integrations\" WHERE \"AccountId\" = $a";
        rows.Parameters.AddWithValue("$a", account.Id);
        var seen = new List<string>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seen.Add(reader.GetString(0) + "|" + (reader.IsDBNull(1) ? "" : reader.GetString(1)));
            }
        }
        seen.Should().HaveCount(2, "the Twilio integration and the Mailgun webhook key given with the account");
        string.Concat(seen).Should().Contain(sid).And.NotContain(token).And.NotContain(account.TwilioToken).And.NotContain(account.MailgunKey);
        var legacy = db.CreateCommand();
        legacy.CommandText = "SELECT COUNT(*) FROM \"Accounts\" WHERE \"Id\" = $a AND (\"TwilioAuthToken\" IS NOT NULL OR \"MailgunSigningKey\" IS NOT NULL)";
        legacy.Parameters.AddWithValue("$a", account.Id);
        ((long)(await legacy.ExecuteScalarAsync())!).Should().Be(0);
    }
}
