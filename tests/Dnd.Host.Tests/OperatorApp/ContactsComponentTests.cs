using Bunit;
using Dnd.Host.OperatorApp.Components;
using Dnd.Rules.Consent;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The contacts screen's parts: the DND badge and the keyset pager.</summary>
public class ContactsComponentTests : ComponentTest
{
    [Theory]
    [InlineData(DndAggregate.On, "On", "DND On")]
    [InlineData(DndAggregate.Off, "Off", "DND Off")]
    [InlineData(DndAggregate.Partial, "Partial", "DND Partial")]
    public void The_dnd_badge_says_on_off_or_partial_with_an_accessible_name(DndAggregate aggregate, string text, string name)
    {
        var badge = Render<DndBadge>(ps => ps.Add(p => p.Aggregate, aggregate));

        var chip = badge.Find($"[aria-label='{name}']");
        chip.GetAttribute("role").Should().Be("img");
        chip.TextContent.Trim().Should().Be(text);
        badge.FindAll("[aria-label^='DND']").Should().ContainSingle();
    }

    [Fact]
    public void A_partial_badge_names_the_blocked_channels_in_its_tooltip()
    {
        var badge = Render<DndBadge>(ps => ps.Add(p => p.Aggregate, DndAggregate.Partial).Add(p => p.BlockedChannels, ["SMS", "WhatsApp"]));

        badge.Find("[aria-label='DND Partial']").GetAttribute("title").Should().Be("DND on SMS, WhatsApp");
    }

    [Fact]
    public void Previous_is_disabled_on_the_first_page_and_enabled_after_it()
    {
        var pager = Render<KeysetPager>(ps => ps.Add(p => p.PageNumber, 1).Add(p => p.PageSize, 25).Add(p => p.Shown, 25).Add(p => p.Total, 60)
            .Add(p => p.HasNext, true));

        Button(pager, "Previous page").HasAttribute("disabled").Should().BeTrue();
        Button(pager, "Next page").HasAttribute("disabled").Should().BeFalse();
        pager.Find("[data-testid='page-range']").TextContent.Should().Be("1–25 of 60");

        pager.Render(ps => ps.Add(p => p.PageNumber, 3).Add(p => p.Shown, 10).Add(p => p.HasNext, false));

        Button(pager, "Previous page").HasAttribute("disabled").Should().BeFalse();
        Button(pager, "Next page").HasAttribute("disabled").Should().BeTrue();
        pager.Find("[data-testid='page-range']").TextContent.Should().Be("51–60 of 60");
    }

    [Fact]
    public void The_pager_calls_back_for_previous_and_next()
    {
        var (previous, next) = (0, 0);
        var pager = Render<KeysetPager>(ps => ps.Add(p => p.PageNumber, 2).Add(p => p.PageSize, 25).Add(p => p.Shown, 25).Add(p => p.HasNext, true)
            .Add(p => p.OnPrevious, () => previous++).Add(p => p.OnNext, () => next++));

        Button(pager, "Previous page").Click();
        Button(pager, "Next page").Click();

        (previous, next).Should().Be((1, 1));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<KeysetPager> pager, string name) =>
        pager.FindAll("button").Single(b => b.TextContent.Trim() == name);
}
