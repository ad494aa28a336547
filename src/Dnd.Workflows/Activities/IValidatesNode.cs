using Dnd.Workflows.Model;

namespace Dnd.Workflows.Activities;

/// <summary>An activity whose inputs depend on each other; the publish-time validator asks it after checking each input's type.</summary>
public interface IValidatesNode
{
    IEnumerable<string> Problems(ActivityNode node);
}
