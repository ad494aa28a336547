using Bunit;
using Dnd.Crm.Integrations;
using Dnd.Host.Api.Integrations;
using Dnd.Host.OperatorApp.Integrations;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>A provider's card on its own: its states, secrets never shown back, and the request it makes.</summary>
public class IntegrationComponentTests : ComponentTest
{
    private static IntegrationDto Twilio(string status, bool tokenSet) => new("twilio", status, status == IntegrationStatus.Connected,
        ["SMS", "WhatsApp", "Call"], new IntegrationSettings { AccountSid = "AC" + new string('1', 32), SenderNumbers = ["+15550001111"] },
        new Dictionary<string, bool> { ["authToken"] = tokenSet }, null, null, null, null);

    [Fact]
    public void Not_connected_offers_connect_and_no_disconnect()
    {
        var card = Render<IntegrationCard>(p => p.Add(c => c.Integration, Twilio(IntegrationStatus.NotConnected, false))
            .Add(c => c.OnConnect, _ => Task.FromResult<string?>(null)));
        card.Find("[role=status]").TextContent.Trim().Should().Be("Not connected");
        card.FindAll("button").Select(b => b.TextContent.Trim()).Should().Contain("Connect Twilio").And.NotContain("Disconnect Twilio");
    }

    [Fact]
    public void Connected_shows_the_settings_but_never_a_secret_and_offers_disconnect()
    {
        var card = Render<IntegrationCard>(p => p.Add(c => c.Integration, Twilio(IntegrationStatus.Connected, true))
            .Add(c => c.OnConnect, _ => Task.FromResult<string?>(null)));
        card.Find("[role=status]").TextContent.Trim().Should().Be("Connected");
        card.FindAll("input").Select(i => i.GetAttribute("value")).Should().Contain("AC" + new string('1', 32));
        var token = card.FindAll("input").Single(i => i.GetAttribute("type") == "password");
        (token.GetAttribute("value") ?? "").Should().BeEmpty();
        card.Markup.Should().Contain("Set; leave blank to keep it");
        card.FindAll("button").Select(b => b.TextContent.Trim()).Should().Contain(["Save Twilio", "Disconnect Twilio"]);
    }

    [Fact]
    public void Disconnected_says_sends_are_held_and_a_refusal_is_shown()
    {
        IntegrationRequest? sent = null;
        var card = Render<IntegrationCard>(p => p.Add(c => c.Integration, Twilio(IntegrationStatus.Disconnected, true))
            .Add(c => c.OnConnect, request => { sent = request; return Task.FromResult<string?>("Twilio refused it: 401 Authenticate"); }));
        card.Markup.Should().Contain("are held until it is connected again");
        card.FindAll("button").Single(b => b.TextContent.Trim() == "Connect Twilio").Click();
        card.Find("[role=alert]").TextContent.Should().Contain("401 Authenticate");
        sent!.AccountSid.Should().Be("AC" + new string('1', 32));
        sent.SenderNumbers.Should().Equal("+15550001111");
        sent.AuthToken.Should().BeNull("a blank secret keeps the stored one");
        sent.Domain.Should().BeNull();
    }
}
