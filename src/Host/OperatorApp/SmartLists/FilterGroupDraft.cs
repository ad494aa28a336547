using Dnd.Host.Api.SmartLists;

namespace Dnd.Host.OperatorApp.SmartLists;

/// <summary>
/// A group of conditions as the builder edits it: the top group (which also holds <see cref="Groups"/>, one level, as
/// the API nests them) or one of its groups. Said as the API's <see cref="SmartListFilterGroup"/> when counted or saved.
/// </summary>
public sealed class FilterGroupDraft
{
    /// <summary>"all" (AND) or "any" (OR).</summary>
    public string Match { get; set; } = "all";

    public List<ConditionDraft> Conditions { get; } = [];

    /// <summary>Groups inside the top group; always empty inside a group.</summary>
    public List<FilterGroupDraft> Groups { get; } = [];

    /// <summary>The request's filter tree, conditions and groups in the order shown, so an error's path names the row on screen.</summary>
    public SmartListFilterGroup ToFilters(bool top = true) => new()
    {
        Match = Match,
        Conditions = Conditions.Select(c => (SmartListCondition?)c.ToCondition()).ToList(),
        Groups = top ? Groups.Select(g => (SmartListFilterGroup?)g.ToFilters(top: false)).ToList() : null,
    };

    public static FilterGroupDraft From(SmartListFilterGroup? filters)
    {
        var draft = new FilterGroupDraft { Match = filters?.Match ?? "all" };
        draft.Conditions.AddRange((filters?.Conditions ?? []).OfType<SmartListCondition>().Select(ConditionDraft.From));
        draft.Groups.AddRange((filters?.Groups ?? []).OfType<SmartListFilterGroup>().Select(From));
        return draft;
    }
}
