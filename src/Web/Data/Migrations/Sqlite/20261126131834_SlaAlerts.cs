using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallMyWay.Voice.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SlaAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Due = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DueUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaAlerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_CaseNumber_Kind_Level_DueUtcTicks",
                table: "SlaAlerts",
                columns: new[] { "CaseNumber", "Kind", "Level", "DueUtcTicks" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaAlerts");
        }
    }
}
