using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallMyWay.Voice.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context without a server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDeskDbContext>
{
    public SqlServerDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDeskDbContext>().UseSqlServer("Server=design;Database=CallMyWay;Integrated Security=true;TrustServerCertificate=true").Options);
}
