namespace Dnd.Host.Api.Jobs;

/// <summary>A job with the first page of its problems.</summary>
public sealed record JobResponse(JobDto Job, JobProblemsPage Problems);
