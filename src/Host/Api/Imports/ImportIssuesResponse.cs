namespace Dnd.Host.Api.Imports;

/// <param name="NextAfter">Give as "after" for the next page; null on the last page.</param>
public sealed record ImportIssuesResponse(List<ImportIssueDto> Issues, long? NextAfter);
