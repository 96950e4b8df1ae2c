using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Web.Click2Call;
using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Web.Tests.Click2Call;

/// <summary>The Click2Call services over a temporary SQLite file, a fake clock, a fake dialer and a fake scheduler.</summary>
internal sealed class Click2CallFixture : IAsyncDisposable
{
    /// <summary>A Wednesday at 10:00 GMT-6: the desk is open (Mon–Fri 06–21).</summary>
    public static readonly DateTimeOffset OpenTime = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>The same Wednesday at 23:00 GMT-6: closed until Thursday 06:00.</summary>
    public static readonly DateTimeOffset ClosedTime = new(2026, 12, 2, 23, 0, 0, TimeSpan.FromHours(-6));

    public static readonly NumberPlan Plan = new(
    [
        new DeskNumber("+525541708422", "MX", "es", false, false, "+52 55 4170 8422"),
        new DeskNumber("+13056445535", "US", "en", false, false, "+1 305 644 5535"),
        new DeskNumber("+5715189663", "CO", "es", false, false, "+57 1 518 9663"),
        new DeskNumber("+5068008000202", "CR", "es", true, false, "+506 800 8000 202"),
        new DeskNumber("+50640004000", "CR", "es", false, true, "+506 4000 4000"),
        new DeskNumber("+5116409850", "PE", "es", false, false, "+51 1 640 9850"),
        new DeskNumber("+56227609072", "CL", "es", false, false, "+56 2 2760 9072"),
        new DeskNumber("+5078366060", "PA", "es", false, false, "+507 836 6060"),
    ]);

    private readonly string _file = Path.Combine(Path.GetTempPath(), "c2c-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly ServiceProvider _services;

    public Click2CallFixture(DateTimeOffset now, Click2CallOptions? options = null)
    {
        Time = new FakeTimeProvider(now);
        Options = options ?? new Click2CallOptions();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddDbContext<SqliteDeskDbContext>(o => o.UseSqlite($"Data Source={_file};Pooling=False"));
        services.AddScoped<DeskDbContext>(sp => sp.GetRequiredService<SqliteDeskDbContext>());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Plan);
        services.AddSingleton(Options);
        services.AddSingleton(DeskRules.Default.Calendar);
        services.AddSingleton<DestinationPolicy>();
        services.AddSingleton<Click2CallLimits>();
        services.AddSingleton<Click2CallRetryPolicy>();
        services.AddSingleton(Dialer);
        services.AddSingleton<IClick2CallDialer>(Dialer);
        services.AddSingleton(Scheduler);
        services.AddSingleton<IClick2CallScheduler>(Scheduler);
        services.AddSingleton<Click2CallRunner>();
        services.AddScoped<Click2CallService>();
        services.AddSingleton<Click2CallScheduleRebuilder>();
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DeskDbContext>().Database.EnsureCreated();
    }

    public FakeTimeProvider Time { get; }

    public Click2CallOptions Options { get; }

    public FakeDialer Dialer { get; } = new();

    public FakeScheduler Scheduler { get; } = new();

    public Click2CallRunner Runner => _services.GetRequiredService<Click2CallRunner>();

    public Click2CallLimits Limits => _services.GetRequiredService<Click2CallLimits>();

    public Click2CallScheduleRebuilder Rebuilder => _services.GetRequiredService<Click2CallScheduleRebuilder>();

    /// <summary>A request as the endpoint makes it; waits for the attempt it may have started.</summary>
    public async Task<Click2CallAnswer> RequestAsync(string phone, string ip = "203.0.113.7", bool waitForAttempts = true)
    {
        await using var scope = _services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<Click2CallService>().RequestAsync(new Click2CallRequest(phone, "Ana", "No dial tone"), ip, CancellationToken.None);
        if (waitForAttempts)
        {
            await Runner.Idle;
        }

        return answer;
    }

    public async Task<Click2CallCancellation> CancelAsync(string id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Click2CallService>().CancelAsync(id, "203.0.113.7", CancellationToken.None);
    }

    /// <summary>What the Quartz trigger does when it fires.</summary>
    public Task FireAsync(string id) => Runner.RunAttemptAsync(id, CancellationToken.None);

    public async Task<Click2CallCallback> CallbackAsync(string id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeskDbContext>().Set<Click2CallCallback>().AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public async Task<List<Click2CallAudit>> AuditAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<DeskDbContext>().Set<Click2CallAudit>().AsNoTracking().ToListAsync();
        return [.. entries.OrderBy(a => a.Id)];
    }

    public async Task AddAsync(Click2CallCallback callback)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        db.Add(callback);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.Idle;
        await _services.DisposeAsync();
        File.Delete(_file);
    }
}
