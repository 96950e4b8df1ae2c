using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallMyWay.Voice.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDeskDbContext>
{
    public SqliteDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDeskDbContext>().UseSqlite("Data Source=design.db").Options);
}
