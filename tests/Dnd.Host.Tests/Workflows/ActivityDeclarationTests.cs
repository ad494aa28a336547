using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Rules.Consent;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Microsoft.Extensions.DependencyInjection;
using Dnd.Activities;

namespace Dnd.Host.Tests.Workflows;

/// <summary>Activities are declared once, as classes with attributes and typed inputs; everything else is generated from that.</summary>
public class ActivityDeclarationTests
{
    private static readonly IReadOnlyList<string> ChannelWires = ChannelNames.All.Select(c => c.ToWire()).ToList();

    private static ActivityDescriptor Describe(string type) =>
        DndActivities.Registry.Descriptors.Single(d => d.Type == type);

    private static ActivityNode Node(string type, object? properties = null) => new()
    {
        Id = "n",
        Type = type,
        Properties = properties is null ? [] : JsonSerializer.SerializeToElement(properties).EnumerateObject().ToDictionary(p => p.Name, p => p.Value),
    };

    [Fact]
    public void A_descriptor_comes_from_the_class_its_attributes_and_its_typed_inputs()
    {
        var send = Describe(Send.TypeName);

        send.Should().BeEquivalentTo(new
        {
            Type = "Send", DisplayName = "Send message", Category = "Messaging", IsTrigger = false,
            Outcomes = new[] { "Done", "Blocked" },
        });
        send.Properties.Select(p => (p.Name, p.Kind, p.Required)).Should().Equal(
            ("channel", "channel", true), ("subject", "template", false), ("body", "template", true), ("transactional", "boolean", false));
        send.Properties[0].Options.Should().Equal(ChannelWires);
        Describe(DndChangedTrigger.TypeName).IsTrigger.Should().BeTrue();
        Describe(DndChangedTrigger.TypeName).Properties.Single(p => p.Name == "state").Options.Should().Equal("any", "on", "off");
    }

    [Fact]
    public void Every_channel_dropdown_offers_the_one_channel_list()
    {
        var channelInputs = DndActivities.Registry.Descriptors.SelectMany(d => d.Properties).Where(p => p.Kind is "channel" or "channelOrAll").ToList();

        channelInputs.Should().HaveCountGreaterThan(3);
        channelInputs.Should().OnlyContain(p => p.Options!.SequenceEqual(p.Kind == "channel" ? ChannelWires : ChannelWires.Prepend("all")));
    }

    [Fact]
    public void The_designer_scripts_keep_no_channel_list_of_their_own()
    {
        var folder = Path.Combine(RepoPaths.Root, "src", "Host", "wwwroot", "designer");
        var script = string.Concat(Directory.GetFiles(folder, "*.js").Select(File.ReadAllText));

        ChannelWires.Where(c => script.Contains($"'{c}'") || script.Contains($"\"{c}\"")).Should().BeEmpty("the palette's descriptors carry the channels");
    }

    [Fact]
    public void An_input_reads_the_node_value_typed_or_its_declared_default()
    {
        var delay = (Delay)DndActivities.Registry.Get(Delay.TypeName);
        var setDnd = (SetDnd)DndActivities.Registry.Get(SetDnd.TypeName);

        delay.Duration.Read(Node("Delay", new { duration = "90" })).Should().Be(TimeSpan.FromSeconds(90));
        delay.Duration.Read(Node("Delay")).Should().Be(TimeSpan.FromMinutes(5));
        setDnd.Channel.Read(Node("SetDnd", new { channel = "whatsapp" })).Should().Be(Channel.WhatsApp);
        setDnd.Channel.Read(Node("SetDnd", new { channel = "all" })).Should().BeNull();
        setDnd.Enabled.Read(Node("SetDnd")).Should().BeTrue();
        setDnd.Enabled.Read(Node("SetDnd", new { enabled = false })).Should().BeFalse();
    }

    [Fact]
    public void The_container_registers_every_declared_activity()
    {
        using var app = new DndApp();

        var registry = app.Services.GetRequiredService<ActivityRegistry>();

        registry.Descriptors.Select(d => d.Type).Should().BeEquivalentTo(
            ActivityRegistry.Discover(typeof(DndActivities).Assembly).Select(t => t.Name));
        registry.Descriptors.Should().HaveCount(9);
    }
}
