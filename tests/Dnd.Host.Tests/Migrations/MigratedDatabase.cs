using Dnd.Activities.Persistence;
using System.Net.Http.Headers;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Migrations;

/// <summary>What a started server's database must show after migrating, on either provider.</summary>
public static class MigratedDatabase
{
    /// <summary>Every migration of the provider applied, none pending, and the latest one's columns there.</summary>
    public static async Task ShouldBeCurrentAsync(DndApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var all = db.Database.GetMigrations().ToList();
        all.Select(Name).Should().Equal("Initial", "LedgerFiredRules", "WorkflowVariables", "WorkflowDraftsAndTemplates", "WorkflowIncidents", "SharedWorkflowsStayWithTheirAccounts",
            "FailedResumesKeepTheirInput", "LedgerProofAndActor", "SmartListFilters", "OptOutReviews", "OperatorUsers", "LedgerAppliedByTime", "QuietHours", "WorkflowInstancesByDefinition", "Integrations", "Delivery", "MessagesDueIndex", "ProviderStatus", "SuppressionRemovals",
            "MetaContactScopedIds", "BulkDndJobs", "OutboundWebhooks", "ContactImports", "ErasedAddresses", "TraceParents", "JobsByAccount");
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(all);
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        var schema = await ExistingSchema.ReadAsync(db.Database, default);
        schema.Tables["Ledger"].Should().Contain(nameof(LedgerRecord.FiredRules));
        schema.Tables["WorkflowInstances"].Should().Contain(nameof(WorkflowInstanceRecord.VariablesJson));
        schema.Tables["WorkflowDefinitions"].Should().Contain(nameof(WorkflowDefinitionRecord.Unpublished));
        schema.Tables.Should().ContainKey("WorkflowDrafts");
        schema.Tables["WorkflowInstances"].Should().Contain([nameof(WorkflowInstanceRecord.Attempts), nameof(WorkflowInstanceRecord.FaultActivityId),
            nameof(WorkflowInstanceRecord.FaultedAt)]);
        schema.Tables["ExecutionLog"].Should().Contain(nameof(ExecutionLogRecord.Attempt));
        schema.Tables["SmartLists"].Should().Contain([nameof(SmartListRecord.FiltersJson), nameof(SmartListRecord.UpdatedAt)]);
    }

    /// <summary>The data <see cref="PreviousRelease"/> wrote, read back through the API and the DbContext.</summary>
    public static async Task ShouldHoldPreviousReleaseDataAsync(DndApp app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PreviousRelease.ApiKey);
        var response = await client.GetAsync("/contacts/c-legacy-1");
        await Http.EnsureAsync(response, 200);
        var contact = await Http.JsonAsync(response);
        contact.GetProperty("contact").GetProperty("email").GetString().Should().Be("ada@example.com");
        response = await client.GetAsync("/contacts/c-legacy-1/dnd/ledger");
        await Http.EnsureAsync(response, 200);
        var ledger = (await Http.JsonAsync(response)).GetProperty("entries");
        ledger.EnumerateArray().Select(e => e.GetProperty("rule").GetString()).Should().Equal("StopKeyword", "UserChange");
        // The shared definition its instance ran stays readable to the account (shared definitions became templates),
        // and an account that existed before keeps it as its own published workflow: nothing it ran stops on upgrade.
        response = await client.GetAsync("/workflows/welcome?version=1");
        await Http.EnsureAsync(response, 200);
        (await Http.JsonAsync(response)).GetProperty("name").GetString().Should().Be("Welcome");
        response = await client.GetAsync("/workflows/");
        await Http.EnsureAsync(response, 200);
        (await Http.JsonAsync(response)).GetProperty("workflows").EnumerateArray()
            .Select(w => (w.GetProperty("id").GetString(), w.GetProperty("status").GetString())).Should().Contain(("welcome", "published"));


        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        (await db.Contacts.Where(c => c.AccountId == PreviousRelease.AccountId).Select(c => c.Id).ToListAsync())
            .Should().BeEquivalentTo(PreviousRelease.ContactIds);
        var lines = await db.Ledger.Where(l => l.ContactId == "c-legacy-1").OrderBy(l => l.Sequence).ToListAsync();
        lines.Select(l => l.Sequence).Should().Equal(1, 2);
        lines.Should().OnlyContain(l => l.FiredRules == null);
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == PreviousRelease.InstanceId);
        (instance.Status, instance.StepCount, instance.Revision).Should().Be((WorkflowStatus.Finished, 3, 4L));
        (instance.Attempts, instance.FaultActivityId, instance.FaultedAt).Should().Be((0, null, null));
        (await db.ExecutionLog.SingleAsync(l => l.InstanceId == PreviousRelease.InstanceId)).Attempt.Should().Be(1, "a line logged before retries was a first try");
    }

    private static string Name(string id) => id[(id.IndexOf('_') + 1)..];
}
