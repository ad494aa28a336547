using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

public class AggregateTests
{
    [Fact]
    public void New_contacts_are_off_on_every_channel()
    {
        var contact = Rules.NewContact();

        contact.Aggregate.Should().Be(DndAggregate.Off);
        contact.Channels.Keys.Should().BeEquivalentTo(ChannelNames.All);
        contact.Inbound.Active.Should().BeFalse();
    }

    [Fact]
    public void One_channel_is_partial_and_all_channels_is_on()
    {
        var contact = Rules.With(new UserDndChange(Channel.Email, true, "u"));
        contact.Aggregate.Should().Be(DndAggregate.Partial);

        Rules.Apply(contact, new UserDndChange(null, true, "u"));
        contact.Aggregate.Should().Be(DndAggregate.On);

        Rules.Apply(contact, new UserDndChange(null, false, "u"));
        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    [Theory]
    [InlineData("sms", Channel.Sms)]
    [InlineData("SMS", Channel.Sms)]
    [InlineData(" Email ", Channel.Email)]
    [InlineData("whatsapp", Channel.WhatsApp)]
    [InlineData("FB", Channel.Fb)]
    [InlineData("gmb", Channel.Gmb)]
    [InlineData("Call", Channel.Call)]
    public void Wire_names_parse_case_insensitively(string name, Channel expected)
    {
        ChannelNames.Parse(name).Should().Be(expected);
        ChannelNames.Parse(expected.ToWire()).Should().Be(expected);
    }

    [Fact]
    public void Unknown_channel_names_say_what_is_allowed()
    {
        var act = () => ChannelNames.Parse("Pigeon");

        act.Should().Throw<ArgumentException>().WithMessage("*Pigeon*Call, Email, SMS, WhatsApp, FB, GMB*");
    }
}
