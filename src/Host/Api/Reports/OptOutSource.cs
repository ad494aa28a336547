namespace Dnd.Host.Api.Reports;

/// <summary>Where opt-outs came from, as the reports group them: a stable key for the API and CSV, a label for people.</summary>
public sealed record OptOutSource(string Key, string Label);
