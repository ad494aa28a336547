using Dnd.Activities.Persistence;
using Dnd.Crm.Imports;
using Dnd.Crm.Jobs;
using Dnd.Host.Api.Jobs;
using Dnd.Crm.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// Contact CSV imports: the upload (a text/csv body) is a dry run that stores the file and every row's problems;
/// the apply writes the valid rows through the same rules as a user's change.
/// </summary>
public static class ContactImportEndpoints
{
    /// <summary>Rows per account write when applying: short enough that a STOP arriving meanwhile waits little.</summary>
    public const int BatchRows = 500;

    internal const int DefaultPage = 100;
    private const int MaxPage = 1000;

    public static void MapContactImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/locations/contacts/imports").WithTags("Imports").ProducesProblem(StatusCodes.Status401Unauthorized);
        imports.MapPost("/", UploadAsync).WithName("UploadContactImport").WithBodyLimit(ApiLimits.ImportBodyBytes)
            .AddOpenApiOperationTransformer(DescribeCsvBody)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        imports.MapGet("/{importId}", GetAsync).WithName("GetContactImport").ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{importId}/errors", IssuesAsync).WithName("GetContactImportErrors")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        imports.MapPost("/{importId}/apply", ApplyAsync).WithName("ApplyContactImport")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <param name="dryRun">true (the default): store and check the file, write no contact. false: start applying it right after, as the apply endpoint does.</param>
    /// <param name="skipInvalidRows">With dryRun=false: apply the valid rows of a file that has errors.</param>
    private static async Task<Created<ImportResponse>> UploadAsync(HttpRequest request, AccountContext account, ContactImportUpload upload,
        JobQueue jobs, DndDbContext db, CancellationToken ct, bool dryRun = true, bool skipInvalidRows = false)
    {
        if (!string.Equals(request.GetTypedHeaders().ContentType?.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiValidationException("Send the file as the body, with Content-Type: text/csv (UTF-8).", status: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type");
        }
        var import = await upload.UploadAsync(request.Body, ct);
        if (!dryRun)
        {
            await EnqueueApplyAsync(import, skipInvalidRows, account, jobs, ct);
        }
        return TypedResults.Created($"/locations/contacts/imports/{import.Id}", await ResponseAsync(db, import.Id, ct));
    }

    private static async Task<Ok<ImportResponse>> GetAsync(string importId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        await FindAsync(db, account, importId, ct);
        return TypedResults.Ok(await ResponseAsync(db, importId, ct));
    }

    /// <param name="after">The last issue's id of the previous page; absent for the first page.</param>
    /// <param name="limit">Issues per page, 1 to 1000 (100 when absent).</param>
    private static async Task<Ok<ImportIssuesResponse>> IssuesAsync(string importId, AccountContext account, DndDbContext db, CancellationToken ct,
        long? after = null, int? limit = null)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > MaxPage)
        {
            errors.Add("limit", $"limit must be 1 to {MaxPage}");
        }
        errors.ThrowIfAny("The page is invalid.");
        await FindAsync(db, account, importId, ct);
        return TypedResults.Ok(await PageAsync(db, importId, after ?? 0, limit ?? DefaultPage, ct));
    }

    /// <param name="skipInvalidRows">Apply the valid rows of an import that has rows with errors (those are left out and listed).</param>
    private static async Task<Accepted<JobResponse>> ApplyAsync(string importId, AccountContext account, DndDbContext db, JobQueue jobs, CancellationToken ct,
        bool skipInvalidRows = false)
    {
        var import = await FindAsync(db, account, importId, ct);
        var job = await EnqueueApplyAsync(import, skipInvalidRows, account, jobs, ct);
        return TypedResults.Accepted($"/locations/jobs/{job.Id}", await JobEndpoints.ResponseAsync(jobs, job, ct));
    }

    /// <summary>
    /// The apply as a job (<see cref="ContactImportHandler"/>), one per import: asking again gives the same job, and
    /// asking again with the other skipInvalidRows while it runs is a 409.
    /// </summary>
    internal static async Task<JobRecord> EnqueueApplyAsync(ImportRecord import, bool skipInvalidRows, AccountContext account, JobQueue jobs, CancellationToken ct)
    {
        if (import.ErrorRows > 0 && !skipInvalidRows)
        {
            throw new ApiValidationException(
                $"The import has {import.ErrorRows} rows with errors (GET /locations/contacts/imports/{import.Id}/errors lists them); nothing was applied. " +
                "Fix the file and upload it again, or apply with skipInvalidRows=true to leave those rows out.",
                fields: ["skipInvalidRows"]);
        }
        if (import.Status is not (ImportStatus.Validated or ImportStatus.Applying or ImportStatus.Applied))
        {
            throw new ApiValidationException($"Import {import.Id} is {import.Status}: only a fully uploaded file is applied.", status: StatusCodes.Status409Conflict,
                title: "Import not ready");
        }
        var (job, outcome) = await jobs.EnqueueAsync(account.AccountId, ContactImportHandler.JobKind, ContactImportHandler.Parameters(import.Id, skipInvalidRows),
            import.Id, account.ActedBy, ct);
        return outcome != JobEnqueued.KeyConflict ? job
            : throw new ApiValidationException($"Import {import.Id} is already applied by job {job.Id}, asked with another skipInvalidRows.",
                status: StatusCodes.Status409Conflict, title: "Import already applying");
    }

    /// <summary>
    /// The text/csv body, for the OpenAPI document only: Accepts metadata would have routing answer another
    /// Content-Type with 415 before the API key is checked, so the handler checks it instead.
    /// </summary>
    private static Task DescribeCsvBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The contacts as CSV (UTF-8, comma or semicolon separated) with a header row; see README, \"Contact CSV import and export\".",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = "Email,Phone,DND SMS\nann@example.com,+15550102000,on\n" },
            },
        };
        return Task.CompletedTask;
    }

    internal static async Task<ImportRecord> FindAsync(DndDbContext db, AccountContext account, string importId, CancellationToken ct) =>
        await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId && i.AccountId == account.AccountId, ct)
        ?? throw new ImportNotFoundException(importId);

    internal static async Task<ImportResponse> ResponseAsync(DndDbContext db, string importId, CancellationToken ct)
    {
        var import = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == importId, ct);
        var job = await db.Jobs.AsNoTracking().Where(j => j.AccountId == import.AccountId && j.Kind == ContactImportHandler.JobKind && j.IdempotencyKey == importId)
            .Select(j => j.Id).FirstOrDefaultAsync(ct);
        return ImportResponse.From(import, job, await PageAsync(db, importId, 0, DefaultPage, ct));
    }

    internal static async Task<ImportIssuesResponse> PageAsync(DndDbContext db, string importId, long after, int limit, CancellationToken ct)
    {
        var page = await db.ImportIssues.AsNoTracking().Where(i => i.ImportId == importId && i.Id > after)
            .OrderBy(i => i.Id).Take(limit + 1).ToListAsync(ct);
        var more = page.Count > limit;
        var shown = page.Take(limit).Select(ImportIssueDto.From).ToList();
        return new ImportIssuesResponse(shown, more ? shown[^1].Id : null);
    }
}
