using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Meta;

/// <summary>Connecting Meta checks the token against the Graph API first; a refusal is a 422 naming the field with Meta's own error, and nothing is saved.</summary>
public sealed class MetaConnectTests(MetaFixture fixture) : IClassFixture<MetaFixture>
{
    [Fact]
    public async Task Meta_connects_carrying_WhatsApp_and_FB_and_never_returns_its_secrets()
    {
        var connected = await fixture.ConnectedAsync();
        var list = await connected.Account.Client.GetAsync("/locations/integrations/");
        var raw = await list.Content.ReadAsStringAsync();
        raw.Should().NotContain(connected.Token).And.NotContain(connected.AppSecret).And.NotContain(connected.VerifyToken);
        var meta = (await Http.JsonAsync(list)).GetProperty("integrations").EnumerateArray().Single(i => i.GetProperty("provider").GetString() == "meta");
        meta.GetProperty("status").GetString().Should().Be("connected");
        meta.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).Should().Equal("WhatsApp", "FB");
        meta.GetProperty("settings").GetProperty("phoneNumberId").GetString().Should().Be(connected.PhoneNumberId);
        meta.GetProperty("secretsSet").GetProperty("appSecret").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_token_meta_refuses_is_a_422_naming_accessToken_quoting_metas_error_and_nothing_is_saved()
    {
        var account = await TestAccount.CreateAsync(fixture.App);
        var before = await account.Client.GetStringAsync("/locations/integrations/events");
        var put = await account.Client.PutAsJsonAsync("/locations/integrations/meta", new Connected(account, "123", "456", "bad-token", "s", "v").Request());

        var problem = await Http.ProblemAsync(put, 422);
        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("accessToken");
        problem.GetProperty("errors")[0].GetString().Should().Contain("Invalid OAuth access token").And.Contain("OAuthException").And.Contain("code 190")
            .And.Contain("fbtrace_id AbCdEf123");
        (await account.Client.GetStringAsync("/locations/integrations/events")).Should().Be(before);
    }

    [Fact]
    public async Task An_object_the_token_does_not_reach_is_named_and_a_request_missing_its_secrets_names_each()
    {
        var connected = await fixture.ConnectedAsync();
        var unknown = await connected.Account.Client.PutAsJsonAsync("/locations/integrations/meta", new
        {
            appId = "1111", pageId = "999", phoneNumberId = connected.PhoneNumberId,
        });
        var problem = await Http.ProblemAsync(unknown, 422);
        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("pageId");
        problem.GetProperty("errors")[0].GetString().Should().Contain("GraphMethodException");

        var account = await TestAccount.CreateAsync(fixture.App);
        var empty = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/integrations/meta", new { instagramAccountId = "x1", accountSid = "AC1" }), 422);
        empty.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should()
            .Contain(["appId", "pageId", "instagramAccountId", "appSecret", "accessToken", "verifyToken", "accountSid"]);
    }
}
