using System.Data.Common;
using Dnd.Activities.Persistence;
using Dnd.Host.Api.Reports;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Reports;

/// <summary>The opt-out report reads a range of the applied lines' index, not every ledger line of the account (checked on the plan).</summary>
public class OptOutReportPlanTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_report_reads_a_range_of_the_applied_lines_index()
    {
        using var scope = shared.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var query = OptOutReports.OptOutLines(db, "acct-plan", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow);
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var plan = new List<string>();
        await using (DbDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        await db.Database.CloseConnectionAsync();

        plan.Should().ContainSingle(p => p.Contains("USING INDEX IX_Ledger_AccountId_At_Applied (AccountId=? AND At>? AND At<?)"),
            string.Join(" | ", plan));
    }
}
