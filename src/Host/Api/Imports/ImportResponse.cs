using System.Text.Json;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// An import: what its dry run found (rows, valid, with errors, and what the valid ones would do), what its apply has
/// done so far, and the first page of its row problems.
/// </summary>
/// <param name="Status">uploading, validated, applying, applied, failed or expired (not applied within the retention: its file is deleted).</param>
/// <param name="IgnoredColumns">Columns of the file this import does not read.</param>
/// <param name="Duplicates">Rows with the address of an earlier row: merged into that row's contact (each has a note).</param>
/// <param name="AppliedThroughRow">Rows up to this one are applied.</param>
/// <param name="Refused">Applied rows a DND change of which the rules refused (each has an issue of kind "refused").</param>
/// <param name="Skipped">Rows left out of the apply for their errors.</param>
/// <param name="ApplyJobId">The job applying it (GET /locations/jobs/{id}), once asked for.</param>
public sealed record ImportResponse(
    string Id, string Status, DateTimeOffset CreatedAt, string CreatedBy, long Bytes, IReadOnlyList<string> IgnoredColumns,
    int Rows, int ValidRows, int RowsWithErrors, int NewContacts, int Updates, int Duplicates,
    int AppliedThroughRow, int Created, int Updated, int Unchanged, int Refused, int Skipped, string? ApplyJobId,
    ImportIssuesResponse Issues)
{
    public static ImportResponse From(ImportRecord i, string? applyJobId, ImportIssuesResponse issues) => new(
        i.Id, i.Status, i.CreatedAt, i.CreatedBy, i.Bytes, ContactImportHeader.Unread(JsonSerializer.Deserialize<List<string>>(i.HeaderJson)!),
        i.Rows, i.ValidRows, i.ErrorRows, i.NewContacts, i.Updates, i.Duplicates,
        i.AppliedThroughRow, i.Created, i.Updated, i.Unchanged, i.Refused, i.Skipped, applyJobId, issues);
}
