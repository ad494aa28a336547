namespace Dnd.Host.Api.Reports;

/// <summary>One source's opt-outs over the whole range.</summary>
public sealed record SourceTotal(string Source, string Label, int OptOuts);
