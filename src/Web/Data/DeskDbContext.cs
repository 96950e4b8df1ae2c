using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Data;

/// <summary>
/// The desk's database. Each provider has its own subclass so that each keeps its own migration set
/// (SQLite and SQL Server generate different DDL from the same model).
/// </summary>
public abstract class DeskDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SupportCase> Cases => Set<SupportCase>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<Sla.SlaAlertRecord> SlaAlerts => Set<Sla.SlaAlertRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DeskDbContext).Assembly);
    }
}
