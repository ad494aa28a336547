namespace Dnd.Host.OperatorApp.SmartLists;

/// <summary>What a smart list field holds, which decides the operators and the value input the builder offers.</summary>
public enum FieldKind
{
    /// <summary>dnd.&lt;Channel&gt;: a channel's DND status.</summary>
    Dnd,
    /// <summary>dndAggregate: DND across every channel.</summary>
    Aggregate,
    Tags,
    /// <summary>dateAdded, dateUpdated.</summary>
    Date,
    /// <summary>Standard and custom fields: text.</summary>
    Text,
    /// <summary>query: text in the names, e-mail or phone.</summary>
    Query,
}
