using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "WorkflowInstances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "FaultActivityId",
                table: "WorkflowInstances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FaultedAt",
                table: "WorkflowInstances",
                type: "INTEGER",
                nullable: true);

            // Every line logged before retries existed recorded a first try.
            migrationBuilder.AddColumn<int>(
                name: "Attempt",
                table: "ExecutionLog",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "FaultActivityId",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "FaultedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "Attempt",
                table: "ExecutionLog");
        }
    }
}
