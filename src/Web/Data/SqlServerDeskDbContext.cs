using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Data;

/// <summary>The desk's database on SQL Server: the production provider.</summary>
public sealed class SqlServerDeskDbContext(DbContextOptions<SqlServerDeskDbContext> options) : DeskDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Case numbers start at the same value as on SQLite (see the SQLite migration).
        modelBuilder.Entity<Domain.Cases.SupportCase>().Property(c => c.Number).UseIdentityColumn(CaseNumbering.FirstNumber, 1);
    }
}
