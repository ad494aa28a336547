using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>An account replaces the Twilio or Mailgun table its decisions read, through the settings API, without a rebuild.</summary>
public class AccountRuleTableTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static object[] StricterTwilioCodes() =>
    [
        new { errorCode = "30003", name = "TwilioUnreachableHandset", change = "Set", status = "Active", code = "twilio_30003", message = "Unreachable (30003)" },
        new { errorCode = "30007", name = "AcmePausesOnCarrierFiltering", change = "Set", status = "Active", code = "twilio_30007", message = "Acme pauses SMS on carrier filtering" },
    ];

    private static async Task<string> SmsStatusAfterAsync(DndApp app, TestAccount account, string phone, string errorCode)
    {
        var id = (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await Twilio.StatusAsync(app, account, phone, "undelivered", errorCode), 200);
        return (await account.GetContactAsync(id)).GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task An_accounts_own_table_decides_for_it_alone()
    {
        var acme = await TestAccount.CreateAsync(_app);
        var other = await TestAccount.CreateAsync(_app);
        (await SmsStatusAfterAsync(_app, other, "+15550720001", "30007")).Should().Be("inactive", "the shipped table says carrier filtering is not DND");

        var saved = await Http.JsonAsync(await acme.Client.PutAsJsonAsync("/locations/dnd-settings/", new { twilioErrorCodes = StricterTwilioCodes() }));

        saved.GetProperty("twilioErrorCodesOverridden").GetBoolean().Should().BeTrue();
        saved.GetProperty("twilioErrorCodes").EnumerateArray().Select(e => e.GetProperty("errorCode").GetString()).Should().Equal("30003", "30007");
        (await SmsStatusAfterAsync(_app, acme, "+15550720002", "30007")).Should().Be("active");
        (await SmsStatusAfterAsync(_app, acme, "+15550720003", "30004")).Should().Be("inactive", "acme's table does not list 30004");
        (await SmsStatusAfterAsync(_app, other, "+15550720004", "30007")).Should().Be("inactive", "another account keeps the shipped table");
        (await SmsStatusAfterAsync(_app, other, "+15550720005", "30004")).Should().Be("permanent");
    }

    [Fact]
    public async Task An_empty_table_goes_back_to_the_deployments()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { twilioErrorCodes = StricterTwilioCodes() }), 200);

        var reset = await Http.JsonAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { twilioErrorCodes = Array.Empty<object>() }));

        reset.GetProperty("twilioErrorCodesOverridden").GetBoolean().Should().BeFalse();
        reset.GetProperty("twilioErrorCodes").GetArrayLength().Should().Be(6);
        (await SmsStatusAfterAsync(_app, account, "+15550720006", "30004")).Should().Be("permanent");
    }

    [Fact]
    public async Task A_bad_entry_is_refused_with_the_entry_named_and_nothing_changes()
    {
        var account = await TestAccount.CreateAsync(_app);
        var before = await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync();
        var events = new object[]
        {
            new { name = "Bounce", @event = "failed", severity = "permanent", reasons = new[] { "bounce" }, change = "Set", status = "Active", code = "mailgun_bounce", message = "m" },
            new { name = "Complaint", @event = "complained", change = "Set", status = "Active", code = "spam_complaint", spamLock = true, message = "m" },
        };

        var problem = await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { mailgunEvents = events, unsubscribeScope = "AllChannels" }), 422);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should()
            .Contain("mailgunEvents: events entry 2 (Complaint): a spam lock must be a Permanent Set");
        (await (await account.Client.GetAsync("/locations/dnd-settings/")).Content.ReadAsStringAsync()).Should().Be(before);
        await Http.ProblemAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { twilioErrorCodes = "all of them" }), 422);
    }
}
