using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallMyWay.Voice.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgentSipCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SipMd5Ha1",
                table: "Agents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SipSha256Ha1",
                table: "Agents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SipMd5Ha1",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "SipSha256Ha1",
                table: "Agents");
        }
    }
}
