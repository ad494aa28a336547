using System.Text.Json;
using Dnd.Host.OperatorApp.Contacts;
using Dnd.Rules.Consent;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The contacts screen's choices are said in the API's search language, and its pages are a stack of cursors.</summary>
public class ContactListQueryTests
{
    [Theory]
    [InlineData(ChannelDndFilter.Blocked, "not_eq", "inactive")]
    [InlineData(ChannelDndFilter.Active, "eq", "active")]
    [InlineData(ChannelDndFilter.Permanent, "eq", "permanent")]
    [InlineData(ChannelDndFilter.Open, "eq", "inactive")]
    public void A_channel_dnd_choice_is_the_apis_dndsettings_filter(ChannelDndFilter status, string op, string value)
    {
        var filters = new ContactListQuery { DndChannel = Channel.Sms, DndStatus = status }.Filters();

        filters.Should().ContainSingle();
        (filters[0].Field, filters[0].Operator, filters[0].Value.GetString()).Should().Be(("dndSettings.SMS.status", op, value));
    }

    [Fact]
    public void Text_tag_and_cursor_become_the_search_request()
    {
        var request = new ContactListQuery { Text = "  ann ", Tag = " vip " }.Request(50, ["1718811486151.5", "c1"]);

        request.Query.Should().Be("ann");
        request.PageLimit.Should().Be(50);
        request.Filters!.Should().ContainSingle().Which.Should().Match<Dnd.Host.Api.Contacts.SearchFilter>(f =>
            f.Field == "tags" && f.Operator == "eq" && f.Value.GetString() == "vip");
        request.SearchAfter!.Select(e => e.GetString()).Should().Equal("1718811486151.5", "c1");
        request.SearchAfter!.Should().OnlyContain(e => e.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public void No_choices_is_every_contact_from_the_start()
    {
        var query = new ContactListQuery { Text = " ", Tag = "" };
        var request = query.Request(25, after: null);

        query.IsFiltered.Should().BeFalse();
        (request.Query, request.SearchAfter, request.SearchAfterIsNull).Should().Be((null, null, false));
        request.Filters.Should().BeEmpty();
    }

    [Fact]
    public void Pages_go_forward_on_cursors_and_back_by_popping_them()
    {
        var pages = new KeysetPages();
        (pages.Number, pages.IsFirst, pages.Current).Should().Be((1, true, null));
        pages.Previous().Should().BeFalse();

        pages.Next(["1", "a"]);
        pages.Next(["2", "b"]);
        pages.Number.Should().Be(3);
        pages.Current.Should().Equal("2", "b");

        pages.Previous().Should().BeTrue();
        pages.Current.Should().Equal("1", "a");
        pages.Reset();
        (pages.Number, pages.Current).Should().Be((1, null));
    }
}
