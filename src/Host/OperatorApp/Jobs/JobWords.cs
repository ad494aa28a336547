using Dnd.Crm.Suppressions;
using Dnd.Host.Api.BulkDnd;
using Dnd.Host.Api.Imports;

namespace Dnd.Host.OperatorApp.Jobs;

/// <summary>How the screens name a job's kind, and whether its problems name contacts (a bulk DND's do, an import's name rows).</summary>
public static class JobWords
{
    public static string Title(string kind) => kind switch
    {
        BulkDndHandler.JobKind => "Bulk DND job",
        ContactImportHandler.JobKind => "Contact import job",
        SuppressionImportHandler.JobKind => "Mailgun suppression import job",
        _ => "Job",
    };

    public static bool ProblemsNameContacts(string kind) => kind == BulkDndHandler.JobKind;
}
