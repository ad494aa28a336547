namespace Dnd.Host.Api.Reviews;

/// <summary>
/// How the account honours revocations over a period (by receipt): what waits, what is late, what was decided and how
/// fast, for a compliance officer.
/// </summary>
/// <param name="HandledLate">Confirmed or dismissed after their deadline.</param>
/// <param name="RecordedElsewhere">Revocations received by call, e-mail, letter or another way, recorded by staff.</param>
public sealed record OptOutReviewReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Received,
    int Open,
    int Overdue,
    int Confirmed,
    int Dismissed,
    int Resolved,
    int HandledLate,
    int RecordedElsewhere);
