using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessagesDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An expression index, which EF's model cannot declare: the outbox's due order (OutboxQueries.Due) is
            // COALESCE(NotBefore, CreatedAt), so messages waiting for later are never read on the way to the due ones.
            migrationBuilder.Sql("CREATE INDEX \"IX_Messages_Status_Due\" ON \"Messages\" (\"Status\", (COALESCE(\"NotBefore\", \"CreatedAt\")));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Messages_Status_Due\";");
        }
    }
}
