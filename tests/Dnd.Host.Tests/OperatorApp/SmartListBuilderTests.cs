using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using Dnd.Host.Api.SmartLists;
using Dnd.Host.Errors;
using Dnd.Host.OperatorApp.SmartLists;
using Dnd.Rules.Consent;
using MudBlazor;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The smart list filter builder in bUnit: the inputs each field gets, and the request it says.</summary>
public class SmartListBuilderTests : ComponentTest
{
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public SmartListBuilderTests() => _popovers = Render<MudPopoverProvider>();

    private static string Json(SmartListFilterGroup filters) => JsonSerializer.Serialize(filters, JsonSerializerOptions.Web);

    private IRenderedComponent<FilterGroupEditor> Builder(FilterGroupDraft draft, FilterErrors? errors = null) =>
        Render<FilterGroupEditor>(p => p.Add(b => b.Group, draft).Add(b => b.Errors, errors ?? FilterErrors.None));

    private static IElement Row(IRenderedComponent<FilterGroupEditor> builder, string name) =>
        builder.FindAll("[role=group]").Single(g => g.GetAttribute("aria-label") == name);

    /// <summary>The options of the select labelled <paramref name="label"/> in the row, opened as a person opens it.</summary>
    private List<string> Options(IRenderedComponent<FilterGroupEditor> builder, string row, string label)
    {
        Row(builder, row).QuerySelector($"[role=combobox][aria-label='{label}']")!.Closest("div.mud-input-control")!.MouseDown();
        return _popovers.WaitForElements(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
    }

    [Fact]
    public void A_dnd_field_offers_its_status_values_and_a_date_field_a_date_input()
    {
        var draft = new FilterGroupDraft();
        draft.Conditions.Add(ConditionDraft.On("dnd.SMS"));
        draft.Conditions.Add(ConditionDraft.On("dateAdded"));
        var builder = Builder(draft);

        Options(builder, "Condition 1", "Status").Should().Equal(
            "Inactive (off)", "Active", "Permanent", "Blocked (active or permanent)", "Open (not blocked)");
        Row(builder, "Condition 1").QuerySelectorAll("input[type=date]").Should().BeEmpty();
        Row(builder, "Condition 2").QuerySelector("input[type=date]").Should().NotBeNull("a date field takes a date");
        Row(builder, "Condition 2").QuerySelectorAll("[role=combobox]").Select(c => c.GetAttribute("aria-label")).Should().Equal("Field", "Operator");
    }

    [Fact]
    public void Choosing_between_adds_a_second_date_and_the_request_carries_both()
    {
        var draft = new FilterGroupDraft();
        draft.Conditions.Add(ConditionDraft.On("dateUpdated"));
        draft.Conditions[0].Operator = "between";
        draft.Conditions[0].Value = "2026-01-01";
        draft.Conditions[0].To = "2026-01-31";
        var builder = Builder(draft);

        Row(builder, "Condition 1").QuerySelectorAll("input[type=date]").Should().HaveCount(2);
        Json(draft.ToFilters()).Should().Contain("""{"field":"dateUpdated","operator":"between","value":["2026-01-01","2026-01-31"]}""");
    }

    [Fact]
    public void Removing_a_condition_removes_it_from_the_request()
    {
        var draft = new FilterGroupDraft();
        draft.Conditions.Add(ConditionDraft.On("dndAggregate"));
        draft.Conditions.Add(ConditionDraft.On("tags"));
        draft.Conditions[1].Value = "customer";
        draft.Conditions.Add(ConditionDraft.On("tags"));
        draft.Conditions[2].Value = "vip";
        var builder = Builder(draft);

        builder.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Remove condition 2").Click();

        builder.FindAll("[role=group][aria-label^='Condition']").Should().HaveCount(2);
        Json(draft.ToFilters()).Should().Be(
            """{"match":"all","conditions":[{"field":"dndAggregate","operator":"eq","value":"off"},{"field":"tags","operator":"contains","value":"vip"}],"groups":[]}""");
    }

    [Fact]
    public void The_readme_active_list_reads_into_the_builder_and_back_unchanged()
    {
        const string active = """
            {"match":"all","conditions":[{"field":"dndAggregate","operator":"eq","value":"off"},{"field":"tags","operator":"contains","value":"customer"}],
             "groups":[{"match":"any","conditions":[{"field":"tags","operator":"contains","value":"vip"},{"field":"tags","operator":"contains","value":"newsletter"}]}]}
            """;
        var filters = JsonSerializer.Deserialize<SmartListFilterGroup>(active, JsonSerializerOptions.Web)!;
        var draft = FilterGroupDraft.From(filters);
        var builder = Builder(draft);

        Row(builder, "Group 1").Should().NotBeNull();
        Row(builder, "Group 1, condition 2").Should().NotBeNull();
        Json(draft.ToFilters()).Should().Be(Json(filters));
    }

    [Fact]
    public void The_apis_messages_show_next_to_the_condition_they_name()
    {
        var draft = new FilterGroupDraft();
        draft.Conditions.Add(ConditionDraft.On("dndAggregate"));
        var group = new FilterGroupDraft { Match = "any" };
        group.Conditions.Add(ConditionDraft.On("tags"));
        group.Conditions.Add(ConditionDraft.On("tags"));
        draft.Groups.Add(group);
        var invalid = new ApiValidationException("The smart list is invalid.", ["filters.groups[0].conditions[1].value is required"],
            fields: ["filters.groups[0].conditions[1].value"]);

        var builder = Builder(draft, FilterErrors.From(invalid));

        Row(builder, "Group 1, condition 2").TextContent.Should().Contain("value is required");
        Row(builder, "Group 1, condition 1").TextContent.Should().NotContain("required");
        Row(builder, "Condition 1").TextContent.Should().NotContain("required");
    }

    [Fact]
    public void Adding_a_group_and_removing_it_changes_the_request()
    {
        var draft = new FilterGroupDraft();
        var builder = Builder(draft);

        builder.FindAll("button").Single(b => b.TextContent.Trim() == "Add group").Click();
        draft.ToFilters().Groups.Should().ContainSingle().Which!.Match.Should().Be("any");
        builder.FindAll("button").Single(b => b.TextContent.Trim() == "Remove group 1").Click();

        draft.ToFilters().Groups.Should().BeEmpty();
    }

    [Fact]
    public void The_builder_offers_the_apis_operators_and_every_channel()
    {
        SmartListFields.Offered.Where(f => f.Kind == FieldKind.Dnd).Select(f => f.Field)
            .Should().Equal(ChannelNames.All.Select(c => $"dnd.{c.ToWire()}"));
        SmartListFields.Operators(FieldKind.Date).Should().Equal("before", "after", "between");
        SmartListFields.Values(FieldKind.Aggregate).Should().Equal("off", "partial", "on");
    }
}
