using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowDraftsAndTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Shared definitions (no owner) become owner "": the key now includes the owner, and their instances still run them.
            migrationBuilder.Sql("UPDATE \"WorkflowDefinitions\" SET \"OwnerAccountId\" = '' WHERE \"OwnerAccountId\" IS NULL;");

            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowDefinitions",
                table: "WorkflowDefinitions");

            migrationBuilder.AlterColumn<string>(
                name: "OwnerAccountId",
                table: "WorkflowDefinitions",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "WorkflowDefinitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Unpublished",
                table: "WorkflowDefinitions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowDefinitions",
                table: "WorkflowDefinitions",
                columns: new[] { "OwnerAccountId", "DefinitionId", "Version" });

            migrationBuilder.CreateTable(
                name: "WorkflowDrafts",
                columns: table => new
                {
                    OwnerAccountId = table.Column<string>(type: "text", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDrafts", x => new { x.OwnerAccountId, x.DefinitionId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowDrafts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowDefinitions",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "Unpublished",
                table: "WorkflowDefinitions");

            migrationBuilder.AlterColumn<string>(
                name: "OwnerAccountId",
                table: "WorkflowDefinitions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowDefinitions",
                table: "WorkflowDefinitions",
                columns: new[] { "DefinitionId", "Version" });

            migrationBuilder.Sql("UPDATE \"WorkflowDefinitions\" SET \"OwnerAccountId\" = NULL WHERE \"OwnerAccountId\" = '';");
        }
    }
}
