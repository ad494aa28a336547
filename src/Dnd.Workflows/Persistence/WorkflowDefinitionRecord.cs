namespace Dnd.Workflows.Persistence;

/// <summary>
/// One published version of an account's workflow; the content of a version never changes once written. Ids are the
/// account's own (two accounts may both have "welcome-nurture"), so the key is (owner, id, version).
/// </summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>The owner of the definitions every account ran before templates: kept so their instances still run.</summary>
    public const string SharedOwner = "";

    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }

    /// <summary>SHA-256 of the JSON, so publishing unchanged content does not mint a new version.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The account whose workflow this is; <see cref="SharedOwner"/> for a legacy shared definition.</summary>
    public required string OwnerAccountId { get; set; }

    public bool IsLatest { get; set; }

    /// <summary>"api", "draft", "rollback of N", "template:&lt;id&gt;", or "file:&lt;name&gt;" (a legacy shared definition).</summary>
    public required string Source { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Set on the latest version: no new enrolments or trigger starts until a version is published again.</summary>
    public bool Unpublished { get; set; }

    /// <summary>Set on the latest version when the account deleted the workflow: hidden, unpublished; its instances still run.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
