using Dnd.Workflows.Model;

namespace Dnd.Workflows.Activities;

/// <summary>An activity that keeps the contact waiting; the loop guard asks how long at least.</summary>
public interface IHoldsContact
{
    /// <summary>The shortest time a run stays on this node before it can go on by itself (not counting the contact's own action).</summary>
    TimeSpan HoldsAtLeast(ActivityNode node);
}
