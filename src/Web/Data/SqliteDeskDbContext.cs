using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Data;

/// <summary>The desk's database on SQLite: the embedded default.</summary>
public sealed class SqliteDeskDbContext(DbContextOptions<SqliteDeskDbContext> options) : DeskDbContext(options)
{
}
