using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;

namespace Dnd.Host.Tests.Postgres;

/// <summary>
/// The integration round trip on PostgreSQL with two servers on one database: a secret one protected, the other
/// unprotects (the Data Protection key ring is in the database), and a disconnect on one holds sends on the other.
/// </summary>
[Collection(PostgresCollection.Name)]
public class PostgresIntegrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task Connect_on_one_server_disconnect_hold_and_reconnect_on_the_other()
    {
        using var twilio = new TwilioFake();
        var database = postgres.NewDatabase();
        await using var one = new DndApp(postgres: database, settings: twilio.Settings.ToDictionary());
        await using var two = new DndApp(postgres: database, settings: twilio.Settings.ToDictionary());
        var account = await TestAccount.CreateAsync(one);
        var (sid, token) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"));
        twilio.Account(sid, token, numbers: ["+15550001111"]);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, senderNumbers = new[] { "+15550001111" } }), 200);

        var onTwo = account.On(two);
        var contact = (await onTwo.CreateContactAsync(new { phone = "+15557770009" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await onTwo.Client.DeleteAsync("/locations/integrations/twilio"), 200);
        var held = await onTwo.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = "hi" });
        (await Http.JsonAsync(held)).GetProperty("msg").GetString().Should().Contain("integration disconnected");

        // No token given: server two checks Twilio with the one server one protected.
        await Http.EnsureAsync(await onTwo.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, senderNumbers = new[] { "+15550001111" } }), 200);
        var messages = (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contact}"))).GetProperty("messages");
        messages.EnumerateArray().Select(m => m.GetProperty("status").GetString()).Should().Equal("queued");
        (await onTwo.DndStatusAsync(contact, "SMS")).Should().Be("inactive");
    }
}
