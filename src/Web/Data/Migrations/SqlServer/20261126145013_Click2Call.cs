using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallMyWay.Voice.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Click2Call : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Click2CallAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClientIp = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    Decision = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CallbackId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Click2CallAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Click2CallCallbacks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Did = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Click2CallCallbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Click2CallAttempts",
                columns: table => new
                {
                    Number = table.Column<int>(type: "int", nullable: false),
                    CallbackId = table.Column<string>(type: "nvarchar(32)", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CallId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Click2CallAttempts", x => new { x.CallbackId, x.Number });
                    table.ForeignKey(
                        name: "FK_Click2CallAttempts_Click2CallCallbacks_CallbackId",
                        column: x => x.CallbackId,
                        principalTable: "Click2CallCallbacks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Click2CallAudit_ClientIp",
                table: "Click2CallAudit",
                column: "ClientIp");

            migrationBuilder.CreateIndex(
                name: "IX_Click2CallAudit_Number",
                table: "Click2CallAudit",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_Click2CallCallbacks_Number_Status",
                table: "Click2CallCallbacks",
                columns: new[] { "Number", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Click2CallCallbacks_Status",
                table: "Click2CallCallbacks",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Click2CallAttempts");

            migrationBuilder.DropTable(
                name: "Click2CallAudit");

            migrationBuilder.DropTable(
                name: "Click2CallCallbacks");
        }
    }
}
