using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerProofAndActor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActedBy",
                table: "Ledger",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientIp",
                table: "Ledger",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProofJson",
                table: "Ledger",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ledger_AccountId_At",
                table: "Ledger",
                columns: new[] { "AccountId", "At" },
                filter: "\"ProofJson\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ledger_AccountId_At",
                table: "Ledger");

            migrationBuilder.DropColumn(
                name: "ActedBy",
                table: "Ledger");

            migrationBuilder.DropColumn(
                name: "ClientIp",
                table: "Ledger");

            migrationBuilder.DropColumn(
                name: "ProofJson",
                table: "Ledger");
        }
    }
}
