using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "FaultActivityId",
                table: "WorkflowInstances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FaultedAt",
                table: "WorkflowInstances",
                type: "timestamp with time zone",
                nullable: true);

            // Every line logged before retries existed recorded a first try.
            migrationBuilder.AddColumn<int>(
                name: "Attempt",
                table: "ExecutionLog",
                type: "integer",
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
