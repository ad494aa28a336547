namespace Dnd.Host.Tests.Contract;

/// <summary>A response the OpenAPI document does not declare: its status, its content type or its body's shape.</summary>
/// <param name="Operation">The operation it was matched to, as "METHOD /template".</param>
public sealed record ContractViolation(string Operation, ObservedResponse Observed, string Problem)
{
    /// <summary>Same operation, status, content type and problem: one line in a report however often it happened.</summary>
    public string Key => $"{Operation} -> {Observed.Status} {Observed.ContentType}: {Problem}";

    public override string ToString() => $"{Key} (path {Observed.Path})";
}
