using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>The channel's tables are part of the desk's model on both providers (no SQL Server runs here: DDL only).</summary>
public sealed class EmailModelTests
{
    [Fact]
    public void The_sql_server_model_has_the_email_tables_and_their_unique_indexes()
    {
        using var db = new SqlServerDeskDbContext(new DbContextOptionsBuilder<SqlServerDeskDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [EmailMessages]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [EmailOutbox]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [EmailAttachments]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_EmailMessages_MessageId] ON [EmailMessages] ([MessageId])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_EmailOutbox_DedupKey] ON [EmailOutbox] ([DedupKey])", script, StringComparison.Ordinal);
        Assert.Contains("[MessageId] nvarchar(450) NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sqlite_model_has_the_email_tables()
    {
        using var db = new SqliteDeskDbContext(new DbContextOptionsBuilder<SqliteDeskDbContext>().UseSqlite("Data Source=:memory:").Options);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE \"EmailOutbox\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX \"IX_EmailOutbox_Status_NextAttemptUtcTicks\"", script, StringComparison.Ordinal);
    }
}
