using System.Net.Http.Json;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Web.Api;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Web.Tests.Sla;

/// <summary>The SLA engine in the real host, with Quartz on a fake clock that the test moves forward.</summary>
public sealed class SlaEngineTests : IDisposable
{
    // Thursday 2026-11-26 10:00 at the desk (GMT-6): open hours, so every clock starts at once.
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(-6));
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"cmw-sla-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(Start);

    private static object CriticalIncident => new
    {
        kind = "incident",
        channel = "phone",
        callerNumber = "+525512345678",
        details = new { extension = "101", direction = "inbound", counterpartNumber = "+525598765432", occurredAt = "2026-11-26T09:30:00-06:00" },
        affectedUsers = "all",
        interruption = 1,
    };

    [Fact]
    public async Task An_unattended_S1_case_warns_and_breaches_each_target_once_and_escalates_to_level_3()
    {
        using var desk = new DeskFactory(_database, time: _time);
        var client = await desk.LoggedInClientAsync();
        (await client.PostAsJsonAsync("/api/agents", new { email = "nivel1@callmyway.test", displayName = "Nivel Uno", role = "level1", password = "level-one-password" })).EnsureSuccessStatusCode();
        var number = await OpenAsync(client, CriticalIncident);

        await AdvanceAsync(TimeSpan.FromMinutes(46));
        await WaitForAlertsAsync(desk, number, 1);
        await using (var scope = desk.Services.CreateAsyncScope())
        {
            var mails = await scope.ServiceProvider.GetRequiredService<DeskDbContext>().Set<Web.Email.Outbound.OutboxEmail>().AsNoTracking().Where(m => m.CaseNumber == number).ToListAsync();
            var warning = Assert.Single(mails);
            Assert.Equal("nivel1@callmyway.test", warning.ToAddress);
            Assert.Contains($"[Caso #{number}] SLA attention: 75 % of the time used", warning.Subject, StringComparison.Ordinal);
        }
        await AdvanceAsync(TimeSpan.FromMinutes(15));
        await WaitForAlertsAsync(desk, number, 2);
        var afterAttentionBreach = await client.GetFromJsonAsync<CaseResponse>($"/api/cases/{number}", Json.Options);
        Assert.Equal(2, afterAttentionBreach!.Level);

        await AdvanceAsync(TimeSpan.FromMinutes(130));
        await WaitForAlertsAsync(desk, number, 4);
        await AdvanceAsync(TimeSpan.FromMinutes(30));

        var alerts = await AlertsAsync(desk, number);
        Assert.Equal(
            [(SlaAlertKind.Attention, SlaAlertLevel.Warning), (SlaAlertKind.Attention, SlaAlertLevel.Breach), (SlaAlertKind.Resolution, SlaAlertLevel.Warning), (SlaAlertKind.Resolution, SlaAlertLevel.Breach)],
            alerts.Select(a => (a.Kind, a.Level)));
        Assert.Equal(Start.AddMinutes(45), alerts[0].SentAt, TimeSpan.FromMinutes(1));
        Assert.Equal(Start.AddHours(1), alerts[1].Due);
        Assert.Equal(Start.AddHours(3), alerts[3].Due);
        var final = await client.GetFromJsonAsync<CaseResponse>($"/api/cases/{number}", Json.Options);
        Assert.Equal(3, final!.Level);
        Assert.Equal(["slaWarning", "slaBreach", "escalated", "slaWarning", "slaBreach", "escalated"], final.History.Where(h => h.Actor == "sla").Select(h => h.Action));
    }

    [Fact]
    public async Task Attending_cancels_the_attention_alerts_and_resolving_cancels_the_rest()
    {
        using var desk = new DeskFactory(_database, time: _time);
        var client = await desk.LoggedInClientAsync();
        var number = await OpenAsync(client, CriticalIncident);

        await AdvanceAsync(TimeSpan.FromMinutes(30));
        (await client.PostAsJsonAsync($"/api/cases/{number}/assign", new { })).EnsureSuccessStatusCode();
        await AdvanceAsync(TimeSpan.FromMinutes(110));
        await WaitForAlertsAsync(desk, number, 1);
        (await client.PostAsJsonAsync($"/api/cases/{number}/resolve", new { text = "Ruta corregida" })).EnsureSuccessStatusCode();
        await AdvanceAsync(TimeSpan.FromHours(3));

        var alerts = await AlertsAsync(desk, number);
        Assert.Equal([(SlaAlertKind.Resolution, SlaAlertLevel.Warning)], alerts.Select(a => (a.Kind, a.Level)));
    }

    [Fact]
    public async Task Lowering_the_severity_cancels_the_pending_alerts_and_schedules_the_new_targets()
    {
        using var desk = new DeskFactory(_database, time: _time);
        var client = await desk.LoggedInClientAsync();
        var number = await OpenAsync(client, CriticalIncident);

        await AdvanceAsync(TimeSpan.FromMinutes(30));
        (await client.PostAsJsonAsync($"/api/cases/{number}/severity", new { severity = "S3", reason = "workaround in place" })).EnsureSuccessStatusCode();
        await AdvanceAsync(TimeSpan.FromMinutes(40));
        Assert.Empty(await AlertsAsync(desk, number));

        // S3 on business hours: 2 h to attend, 30 minutes already used, so the 75 % warning is due 1 h after the change.
        await AdvanceAsync(TimeSpan.FromMinutes(22));
        await WaitForAlertsAsync(desk, number, 1);
        var warning = Assert.Single(await AlertsAsync(desk, number));
        Assert.Equal((SlaAlertKind.Attention, SlaAlertLevel.Warning), (warning.Kind, warning.Level));
        Assert.Equal(Start.AddHours(2), warning.Due);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_countdown_fires_the_alert_exactly_once()
    {
        long number;
        using (var before = new DeskFactory(_database, time: _time))
        {
            number = await OpenAsync(await before.LoggedInClientAsync(), CriticalIncident);
            await AdvanceAsync(TimeSpan.FromMinutes(30));
        }

        // Down for 20 minutes across the 45-minute warning: it fires as soon as the service is back.
        _time.Advance(TimeSpan.FromMinutes(20));
        using (var after = new DeskFactory(_database, time: _time))
        {
            await after.LoggedInClientAsync();
            await AdvanceAsync(TimeSpan.FromMinutes(1));
            await WaitForAlertsAsync(after, number, 1);
        }

        using var third = new DeskFactory(_database, time: _time);
        await third.LoggedInClientAsync();
        await AdvanceAsync(TimeSpan.FromMinutes(12));
        await WaitForAlertsAsync(third, number, 2);

        var alerts = await AlertsAsync(third, number);
        Assert.Equal([(SlaAlertKind.Attention, SlaAlertLevel.Warning), (SlaAlertKind.Attention, SlaAlertLevel.Breach)], alerts.Select(a => (a.Kind, a.Level)));
    }

    [Fact]
    public async Task The_compliance_report_counts_met_breached_and_pending_targets()
    {
        using var desk = new DeskFactory(_database, time: _time);
        var client = await desk.LoggedInClientAsync();
        var attended = await OpenAsync(client, CriticalIncident);
        var neglected = await OpenAsync(client, CriticalIncident);
        await AdvanceAsync(TimeSpan.FromMinutes(20));
        await client.PostAsJsonAsync($"/api/cases/{attended}/assign", new { });
        await client.PostAsJsonAsync($"/api/cases/{attended}/resolve", new { text = "ok" });
        await AdvanceAsync(TimeSpan.FromMinutes(50));
        await WaitForAlertsAsync(desk, neglected, 2);

        var report = await client.GetFromJsonAsync<SlaComplianceReport>($"/api/reports/sla?from={Uri.EscapeDataString(Start.AddHours(-1).ToString("O"))}", Json.Options);

        Assert.NotNull(report);
        Assert.Equal(2, report.Total.Cases);
        Assert.Equal(1, report.Total.AttentionMet);
        Assert.Equal(1, report.Total.AttentionBreached);
        Assert.Equal(1, report.Total.ResolutionMet);
        Assert.Equal(1, report.Total.ResolutionPending);
        Assert.Equal(50.0, report.Total.AttentionCompliance);
        Assert.Equal("S1", Assert.Single(report.BySeverity).Key);
        var byLevel = report.ByLevel.ToDictionary(r => r.Key);
        Assert.Equal(1, byLevel["1"].Cases);
        Assert.Equal(1, byLevel["2"].AttentionBreached);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private static async Task<long> OpenAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/cases", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CaseResponse>(Json.Options))!.Number;
    }

    private static async Task<List<Web.Sla.SlaAlertRecord>> AlertsAsync(DeskFactory desk, long number)
    {
        await using var scope = desk.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var alerts = await db.SlaAlerts.AsNoTracking().Where(a => a.CaseNumber == number).ToListAsync();
        return alerts.OrderBy(a => a.Id).ToList();
    }

    private static async Task WaitForAlertsAsync(DeskFactory desk, long number, int count)
    {
        // Quartz runs jobs on its own threads: give them real time to finish, bounded (20 s: a restarted host under a
        // full parallel test run needs more than the few hundred milliseconds it takes alone).
        for (var i = 0; i < 800; i++)
        {
            if ((await AlertsAsync(desk, number)).Count >= count)
            {
                await Task.Delay(50);
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"Case {number} did not reach {count} SLA alerts; it has {(await AlertsAsync(desk, number)).Count}.");
    }

    /// <summary>Moves the fake clock in small steps so that Quartz's waits on it wake up as real ones would.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(30);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            _time.Advance(step < by - moved ? step : by - moved);
            await Task.Delay(2);
        }
    }
}
