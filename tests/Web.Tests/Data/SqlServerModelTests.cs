using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CallMyWay.Voice.Web.Tests.Data;

/// <summary>No SQL Server runs here, so the model is checked by building it and generating its DDL.</summary>
public sealed class SqlServerModelTests
{
    private static SqlServerDeskDbContext SqlServer() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    private static SqliteDeskDbContext Sqlite() => new SqliteDesignTimeFactory().CreateDbContext([]);

    [Fact]
    public void The_sql_server_model_generates_a_create_script_with_case_numbers_from_1001()
    {
        using var db = SqlServer();

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [Cases]", script, StringComparison.Ordinal);
        Assert.Contains("[Number] bigint NOT NULL IDENTITY(1001, 1)", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [CaseHistory]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Agents_Email]", script, StringComparison.Ordinal);
        Assert.Contains("WHERE [Extension] IS NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sql_server_migrations_script_generates_without_a_server()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IDENTITY(1001, 1)", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_provider_has_migrations_matching_the_model()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();

        Assert.NotEmpty(sqlServer.Database.GetMigrations());
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "The SQL Server model changed: add a migration (README, Database).");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "The SQLite model changed: add a migration (README, Database).");
    }
}
