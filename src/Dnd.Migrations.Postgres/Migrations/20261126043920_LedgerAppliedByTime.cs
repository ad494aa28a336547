using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAppliedByTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Ledger_AccountId_At_Applied",
                table: "Ledger",
                columns: new[] { "AccountId", "At" },
                filter: "\"Verdict\" = 'Applied'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ledger_AccountId_At_Applied",
                table: "Ledger");
        }
    }
}
