using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Tests.Data;

public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cmw-gate-{Guid.NewGuid():N}.db");
    private readonly SqliteWriteGate _gate = new();
    private DbContextOptions<SqliteDeskDbContext> _options = null!;

    [Fact]
    public async Task A_save_that_fails_lets_the_next_writer_in()
    {
        await using (var first = new SqliteDeskDbContext(_options))
        {
            first.Agents.Add(new Agent("ana@callmyway.test", "Ana", AgentRole.Level1));
            await first.SaveChangesAsync();
        }

        await using (var duplicate = new SqliteDeskDbContext(_options))
        {
            duplicate.Agents.Add(new Agent("ana@callmyway.test", "Ana again", AgentRole.Level1));
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync());
        }

        await using var next = new SqliteDeskDbContext(_options);
        next.Agents.Add(new Agent("bruno@callmyway.test", "Bruno", AgentRole.Level1));
        await next.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await next.Agents.CountAsync());
    }

    [Fact]
    public async Task Concurrent_writers_all_commit()
    {
        var writers = Enumerable.Range(0, 40).Select(async i =>
        {
            await using var db = new SqliteDeskDbContext(_options);
            db.Agents.Add(new Agent($"agent{i}@callmyway.test", $"Agent {i}", AgentRole.Level1));
            await db.SaveChangesAsync();
        });

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));

        await using var check = new SqliteDeskDbContext(_options);
        Assert.Equal(40, await check.Agents.CountAsync());
    }

    public async Task InitializeAsync()
    {
        _options = new DbContextOptionsBuilder<SqliteDeskDbContext>().UseSqlite($"Data Source={_path}").AddInterceptors(_gate).Options;
        await using var db = new SqliteDeskDbContext(_options);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _gate.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return Task.CompletedTask;
    }
}
